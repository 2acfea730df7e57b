import type { ComponentPropsWithoutRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import renderMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../../src/renderer/src/markdown/formatMarkdown';
import {
  keepUrl,
  remarkPlugins,
  remarkPluginsWithoutAutolinks,
} from '../../../src/renderer/src/markdown/markdownPlugins';
import { seededRandom } from '../seededRandom';

// Components that show what they were given: the element's props and the hast node's type.
const components: Components = {
  a: ({ node, ...props }: ComponentPropsWithoutRef<'a'> & ExtraProps) => (
    <a data-node={node?.type} {...props} />
  ),
  pre: ({ node, ...props }: ComponentPropsWithoutRef<'pre'> & ExtraProps) => (
    <pre data-node={node?.tagName} {...props} />
  ),
  code: ({ node, ...props }: ComponentPropsWithoutRef<'code'> & ExtraProps) => (
    <code data-line={node?.position?.start.line} {...props} />
  ),
};

const viaReactMarkdown = (text: string, plugins = remarkPlugins): string =>
  renderToStaticMarkup(
    <>
      {renderMarkdown({
        children: text,
        remarkPlugins: plugins,
        components,
        urlTransform: keepUrl,
      })}
    </>,
  );
const viaPipeline = (text: string, plugins = remarkPlugins): string =>
  renderToStaticMarkup(<>{formatMarkdown(text, plugins, components)}</>);

const corpus = [
  [
    '### Answer 3: tiết kiệm chi phí với 中转站',
    '',
    'Here is some code:',
    '',
    '```ts',
    'export const cost = (tokens: number) => tokens / 1_000_000;',
    '```',
    '',
    '| model | output $/M |',
    '| --- | --- |',
    '| gpt-4.1 | 8.00 |',
    '',
    'A paragraph with **bold**, _italic_, `inline code` and $x^2$ number 3.',
  ].join('\n'),
  'Plain prose with **bold**, *em*, _under_, `code`, ~~gone~~ and a [link](/relative "t").',
  '# Heading\n\nSetext\n===\n\n- one\n- [x] done\n- [ ] open\n  1. nested *item*\n\n> a quote',
  '| model | price |\n|:--|--:|\n| deepseek-chat | 0.42 |\n| gpt-4.1 | 8.00 |',
  'A note[^1] and another.\n\n[^1]: The footnote, with *emphasis*.',
  'Math $x^2 + y_1$ inline and\n\n$$\n\\int_0^1 f(x)\\,dx\n$$',
  '<div class="x">raw html</div>\n\ninline <b>tags</b> stay text <!-- a comment -->',
  '```ts\nconst url = "x";\n```\n\n    indented code\n\n***',
  'Reference [docs][1] and ![an image](data:image/png;base64,AAAA "t").\n\n[1]: /docs/start',
  'Hard  \nbreak\\\nand &amp; &copy; &#x4e2d; entities, `` a ` b ``',
  'see www.example.com, https://x.io/a_(b) or mail a@b.co',
  'Tiết kiệm chi phí với 中转站: 价格、速度 — “quoted”',
];

const PIECES = [
  ...'ab cd 中 ệ 1 . , : ( ) \\ ` * _ ~ [ ] < > & $ @ # | ! - + = \n'.split(' '),
  ' ',
  '\n\n',
  '**',
  '](x)',
  'www.a.io',
  'http://b.io',
  '1. ',
  '- ',
  '> ',
  '```\n',
  '$$\n',
  '<b>',
  '&amp;',
  '[^1]',
  '| a |\n| - |\n',
];

describe('formatMarkdown, the pipeline built once', () => {
  it('gives what react-markdown gives, element for element, with both plugin lists', () => {
    for (const text of corpus) {
      expect(viaPipeline(text), text).toBe(viaReactMarkdown(text));
      expect(viaPipeline(text, remarkPluginsWithoutAutolinks), text).toBe(
        viaReactMarkdown(text, remarkPluginsWithoutAutolinks),
      );
    }
  });

  it('gives what react-markdown gives for a thousand generated snippets of mixed markup', () => {
    const next = seededRandom(29);
    for (let i = 0; i < 1_000; i++) {
      let text = '';
      const length = 1 + Math.floor(next() * 40);
      for (let j = 0; j < length; j++) text += PIECES[Math.floor(next() * PIECES.length)];
      expect(viaPipeline(text), JSON.stringify(text)).toBe(viaReactMarkdown(text));
    }
  });

  it('passes each component its hast node, as react-markdown does', () => {
    const html = viaPipeline('[a](https://x.io)\n\n```js\nx\n```');
    expect(html).toContain('data-node="element"');
    expect(html).toContain('data-node="pre"');
    expect(html).toContain('data-line="3"');
  });

  it('sets its plugins up once per plugin list, not once per block', () => {
    let setups = 0;
    let runs = 0;
    const counted = () => {
      setups++;
      return () => {
        runs++;
      };
    };
    const plugins = [...remarkPlugins, counted];
    const first = viaPipeline('*a*', plugins);
    for (let i = 0; i < 20; i++) expect(viaPipeline('*a*', plugins)).toBe(first);
    expect(runs).toBe(21);
    expect(setups).toBe(1);
    // react-markdown, for comparison, sets them up for every call.
    viaReactMarkdown('*a*', plugins);
    viaReactMarkdown('*a*', plugins);
    expect(setups).toBe(3);
  });
});
