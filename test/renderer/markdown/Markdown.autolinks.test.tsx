import { render, screen } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import renderMarkdown from 'react-markdown';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../../src/renderer/src/markdown';
import {
  keepUrl,
  remarkPlugins,
  remarkPluginsFor,
  remarkPluginsWithoutAutolinks,
} from '../../../src/renderer/src/markdown/markdownPlugins';
import type { PluggableList } from 'unified';

const html = (text: string, plugins: PluggableList): string =>
  renderToStaticMarkup(
    <>{renderMarkdown({ children: text, remarkPlugins: plugins, urlTransform: keepUrl })}</>,
  );

// Everything GFM, math and CommonMark do, in blocks without `@`, `www.` or `http(s):`.
const withoutAutolinks = [
  'Plain prose with **bold**, *em*, _under_, `code`, ~~gone~~ and a [link](/relative "t").',
  '# Heading\n\nA paragraph: with a colon, wwwhat, http without a colon, h and w at word starts.',
  '- one\n- [x] done\n- [ ] open\n  1. nested *item*\n\n> a quote with `code`',
  '| model | price |\n|:--|--:|\n| deepseek-chat | 0.42 |\n| gpt-4.1 | 8.00 |',
  'A note[^1] and another.\n\n[^1]: The footnote, with *emphasis*.',
  'Math $x^2 + y_1$ inline and\n\n$$\n\\int_0^1 f(x)\\,dx\n$$',
  'Tiết kiệm chi phí với 中转站: 价格、速度 and ñandú — “quoted” text',
  '<div class="x">raw html</div>\n\ninline <b>tags</b> stay text',
  '```ts\nconst url = "not parsed here";\n```\n\n    indented code',
  'Reference [docs][1] link.\n\n[1]: /docs/start',
  'Hard  \nbreak, *nested **strong** em*, ***both***, and a trailing backslash\\',
];

describe('Markdown without the literal-autolink parsing', () => {
  it('formats every block that cannot hold an autolink exactly as the full parser does', () => {
    for (const text of withoutAutolinks) {
      expect(remarkPluginsFor(text)).toBe(remarkPluginsWithoutAutolinks);
      expect(html(text, remarkPluginsWithoutAutolinks)).toBe(html(text, remarkPlugins));
    }
  });

  it('keeps the full parser for any block with an @, www. or http(s):', () => {
    for (const text of [
      'mail a@b.co',
      'see WWW.example.com',
      'go to http://x.io',
      'go to HTTPS://x.io',
      'xmpp:me@x.io',
    ])
      expect(remarkPluginsFor(text)).toBe(remarkPlugins);
  });

  it('really leaves the autolink constructs out (a URL is then cut where emphasis starts)', () => {
    const text = 'https://example.com/*a*';
    expect(html(text, remarkPlugins)).toContain('href="https://example.com/*a"');
    expect(html(text, remarkPluginsWithoutAutolinks)).toContain('<em>a</em>');
  });

  it('an answer still shows its literal links whole, as GitHub does', () => {
    render(
      <Markdown
        text={'Docs at https://example.com/*a* and www.example.com/_b_ or mail a_b@example.com.'}
        streaming={false}
        onOpenLink={vi.fn()}
        onLoadImage={vi.fn()}
      />,
    );
    expect(screen.getByRole('link', { name: 'https://example.com/*a' })).toHaveAttribute(
      'href',
      'https://example.com/*a',
    );
    expect(screen.getByRole('link', { name: 'www.example.com/_b' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'a_b@example.com' })).toHaveAttribute(
      'href',
      'mailto:a_b@example.com',
    );
  });
});
