import { render } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import renderMarkdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../src/renderer/src/markdown';
import { keepUrl, remarkPlugins } from '../../../src/renderer/src/markdown/markdownPlugins';
import { createElement } from 'react';
import { proseBlock } from '../../../src/renderer/src/markdown/proseBlock';
import { seededRandom } from '../seededRandom';

const MAX = 40_000;
const parsed = (text: string): string =>
  renderToStaticMarkup(
    <>{renderMarkdown({ children: text, remarkPlugins, urlTransform: keepUrl })}</>,
  );
const fast = (text: string): string | null => {
  const prose = proseBlock(text, MAX);
  return prose === null ? null : renderToStaticMarkup(createElement(prose.tag, null, prose.text));
};

// Mostly prose, with every character Markdown gives a meaning to mixed in now and then.
const PROSE = [...'abcxyzABC0123456789 ,.;:?!\'"()/%-+=#>|{}^ệđươ中转站价格—“”…\u00a0\u3000'];
const MARKUP = [...'\\`*_~[]<>&$@\t\r\n\0\uFEFF#>-+=!|:/.'].concat([
  'www.',
  '://',
  'http://x.io',
  '1. ',
  '2) ',
  '    ',
  '\n\n',
  '  \n',
  '---',
  '***',
  '```',
]);

describe('plain prose paragraphs and headings', () => {
  it('render exactly as the Markdown parser renders them, over thousands of generated lines', () => {
    const next = seededRandom(17);
    let accepted = 0;
    let headings = 0;
    for (let i = 0; i < 4_000; i++) {
      // A third of the lines start as headings would (with or without their space).
      const start = next();
      let text =
        start < 0.2 ? `${'#'.repeat(1 + Math.floor(next() * 7))} ` : start < 0.33 ? '#' : '';
      const length = 1 + Math.floor(next() * 60);
      for (let j = 0; j < length; j++) {
        const pool = next() < 0.08 ? MARKUP : PROSE;
        text += pool[Math.floor(next() * pool.length)];
      }
      const shortcut = fast(text);
      if (shortcut === null) continue;
      accepted++;
      if (shortcut.startsWith('<h')) headings++;
      expect(shortcut, JSON.stringify(text)).toBe(parsed(text));
    }
    // The comparison above must have had something to compare, headings among it.
    expect(accepted).toBeGreaterThan(800);
    expect(headings).toBeGreaterThan(100);
  });

  it('take the lines an answer is made of', () => {
    for (const text of [
      'Here is some code:',
      'word1 word2 word3 ',
      'Tiết kiệm chi phí với 中转站: 价格、速度 — “quoted”, (parenthesised) and 50% off!',
      'x = 1 | y > 2 # not a heading, 3. not a list',
      'Ends with a line end\n',
      '### Answer 3: tiết kiệm chi phí với 中转站',
      '## 1. Install   ',
      '###### > not a quote, - not a list',
    ]) {
      expect(fast(text), text).not.toBeNull();
      expect(fast(text)).toBe(parsed(text));
    }
  });

  it('leave everything with markup, or that starts a block, to the parser', () => {
    for (const text of [
      '#Heading without its space',
      '####### seven',
      '## Closed ##',
      '## a # b',
      '## *emphasis*',
      '##  ',
      '#',
      '> quote',
      '- item',
      '+ item',
      '1. item',
      '7) item',
      '    indented code',
      ' one space in',
      'a *b*',
      'a _b_',
      'a ~b~',
      '`code`',
      'a [link](x)',
      'a <b>',
      'AT&amp;T',
      '$x$',
      'a\\*b',
      'mail a@b.co',
      'see www.example.com',
      'go to https://x.io',
      'two\nlines',
      'hard  \nbreak',
      'tab\there',
      'carriage\rreturn',
      '\uFEFFafter a byte-order mark',
      '',
      '   ',
      '\n',
    ])
      expect(proseBlock(text, MAX), JSON.stringify(text)).toBeNull();
  });

  it('leave a line past the block limit to the limits (it is shown as plain text there)', () => {
    expect(proseBlock('a'.repeat(101), 100)).toBeNull();
    expect(proseBlock('a'.repeat(100), 100)).toEqual({ tag: 'p', text: 'a'.repeat(100) });
  });

  it('keep the paragraph element while a streaming line gains markup and becomes parsed', () => {
    const props = { onOpenLink: () => undefined, onLoadImage: async () => '' };
    const { container, rerender } = render(
      <Markdown text="Streaming prose and" streaming {...props} />,
    );
    const paragraph = container.querySelector('p');
    expect(paragraph?.textContent).toBe('Streaming prose and');
    rerender(<Markdown text="Streaming prose and **bold**" streaming {...props} />);
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('p')).toBe(paragraph);
  });
});
