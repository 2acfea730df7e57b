import { describe, expect, it } from 'vitest';
import {
  joinDefinitions,
  normalizeNewlines,
  splitBlocks,
  splitIncremental,
  type SplitState,
} from '../../../src/renderer/src/markdown/splitBlocks';

const answer = [
  '# Title',
  'Intro paragraph with **bold** and `code`.',
  '',
  '```ts',
  'const a = 1;',
  '',
  '',
  'function f() {}',
  '```',
  '',
  '- one',
  '  - nested',
  '',
  '    nested paragraph',
  '- two',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '$$',
  'x = 1',
  '',
  'y = 2',
  '$$',
  '',
  '~~~',
  'tilde fence',
  '',
  '~~~',
  '',
  '> quote',
  '',
  'See [the docs][1].',
  '',
  '[1]: https://example.com/docs',
  '',
  'Tiếng Việt, 中文, emoji 👩🏽‍💻, עברית.',
].join('\n');

describe('splitBlocks', () => {
  it('tiles the text exactly and keeps each construct whole', () => {
    const blocks = splitBlocks(answer);
    expect(blocks.join('')).toBe(answer);
    expect(blocks.map((b) => b.trimEnd())).toEqual([
      '# Title',
      'Intro paragraph with **bold** and `code`.',
      '```ts\nconst a = 1;\n\n\nfunction f() {}\n```',
      '- one\n  - nested\n\n    nested paragraph\n- two',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '$$\nx = 1\n\ny = 2\n$$',
      '~~~\ntilde fence\n\n~~~',
      '> quote',
      'See [the docs][1].',
      '[1]: https://example.com/docs',
      'Tiếng Việt, 中文, emoji 👩🏽‍💻, עברית.',
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(splitBlocks('')).toEqual([]);
  });

  it('splits paragraphs at blank lines, not at single newlines', () => {
    expect(splitBlocks('a\nb\n\nc')).toEqual(['a\nb\n\n', 'c']);
  });

  it('keeps leading blank lines with the first block', () => {
    expect(splitBlocks('\n\nfirst\n\nsecond')).toEqual(['\n\nfirst\n\n', 'second']);
  });

  it('keeps a fence whole even when its body looks like other blocks', () => {
    const text = '````md\n```js\nx\n```\n\n# not a heading\n\n| a |\n````\n\nafter';
    expect(splitBlocks(text)).toEqual([
      '````md\n```js\nx\n```\n\n# not a heading\n\n| a |\n````\n\n',
      'after',
    ]);
  });

  it('separates a fence from a paragraph that runs straight into it', () => {
    expect(splitBlocks("Here's the code:\n```py\nprint(1)\n```\nDone.")).toEqual([
      "Here's the code:\n",
      '```py\nprint(1)\n```\n',
      'Done.',
    ]);
  });

  it('treats an unclosed fence as one block running to the end', () => {
    expect(splitBlocks('intro\n\n```js\nconst a = 1;\n\n\nconst b')).toEqual([
      'intro\n\n',
      '```js\nconst a = 1;\n\n\nconst b',
    ]);
    expect(splitBlocks('intro\n\n~~~\nx\n\n```\nstill code')).toEqual([
      'intro\n\n',
      '~~~\nx\n\n```\nstill code',
    ]);
  });

  it('keeps loose and nested lists whole', () => {
    const list =
      '1. first\n\n   more of first\n\n2. second\n   - a\n   - b\n\n     b continued\n3. third';
    expect(splitBlocks(`${list}\n\nafter`)).toEqual([`${list}\n\n`, 'after']);
  });

  it('keeps a table whole and ends it at a blank line', () => {
    const table = '| Name | Value |\n| :--- | ---: |\n| a | 1 |\n| b | 2 |';
    expect(splitBlocks(`before\n\n${table}\n\nafter`)).toEqual([
      'before\n\n',
      `${table}\n\n`,
      'after',
    ]);
  });

  it('keeps $$ math whole across blank lines, and an unclosed $$ to the end', () => {
    expect(splitBlocks('$$\na\n\n- b\n\nc\n$$\n\nd')).toEqual(['$$\na\n\n- b\n\nc\n$$\n\n', 'd']);
    expect(splitBlocks('p\n\n$$$\na\n\n$$\nb\n$$$\n\nq')).toEqual([
      'p\n\n',
      '$$$\na\n\n$$\nb\n$$$\n\n',
      'q',
    ]);
    expect(splitBlocks('p\n\n$$\na\n\nb')).toEqual(['p\n\n', '$$\na\n\nb']);
  });

  it('does not take $$ inside code or inline math for a math block', () => {
    expect(splitBlocks('```\n$$\n```\n\nx\n\ny')).toEqual(['```\n$$\n```\n\n', 'x\n\n', 'y']);
    expect(splitBlocks('$$a$$ inline\n\nnext')).toEqual(['$$a$$ inline\n\n', 'next']);
  });

  it('normalises CRLF and CR to LF and splits the same way', () => {
    const crlf = answer.replace(/\n/g, '\r\n');
    expect(splitBlocks(crlf)).toEqual(splitBlocks(answer));
    expect(splitBlocks('a\r\rb')).toEqual(['a\n\n', 'b']);
  });

  it('records link reference definitions', () => {
    const { blocks } = splitIncremental(null, answer);
    expect(joinDefinitions(blocks)).toBe('[1]: https://example.com/docs\n');
  });
});

describe('splitIncremental', () => {
  const corpus = [
    answer,
    answer.replace(/\n/g, '\r\n'),
    'Para one.\n\n```python\ndef f():\n\n    return 1\n```\n\n1. a\n\n2. b\n\n$$\n\\int_0^1 x\\,dx\n$$\n\nEnd.',
  ];

  it('gives the same blocks as a full split for every prefix, growing one character at a time', () => {
    for (const doc of corpus) {
      let state: SplitState | null = null;
      for (let end = 0; end <= doc.length; end++) {
        const prefix = doc.slice(0, end);
        state = splitIncremental(state, prefix);
        expect(state.blocks.map((b) => b.source)).toEqual(splitBlocks(prefix));
      }
    }
  });

  it('agrees with a full split on generated documents streamed in random chunks', () => {
    const pieces = [
      'Plain paragraph.',
      'line one\nline two',
      '1. a',
      '2. b',
      '10) c',
      '- x',
      '  - nested',
      '   continued',
      '    indented code',
      '```js\nlet a;\n\nlet b;\n```',
      '~~~\n~~~',
      '$$\nx\n\ny\n$$',
      '$$',
      '# H',
      'Setext\n===',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '> quote',
      '>',
      '<div>',
      '</div>',
      '[1]: https://e.com',
      '***',
      '',
      'Tiếng Việt 中文 👍',
    ];
    const random = seededRandom(42);
    for (let doc = 0; doc < 60; doc++) {
      const parts: string[] = [];
      for (let i = 0; i < 14; i++) parts.push(pieces[random(pieces.length)] ?? '');
      const text = parts.join(random(3) === 0 ? '\n' : '\n\n');
      let state: SplitState | null = null;
      let end = 0;
      while (end < text.length) {
        end = Math.min(text.length, end + 1 + random(12));
        const prefix = text.slice(0, end);
        state = splitIncremental(state, prefix);
        expect(
          state.blocks.map((b) => b.source),
          JSON.stringify(prefix),
        ).toEqual(splitBlocks(prefix));
      }
    }
  });

  it('keeps the finished blocks as the same objects while the text grows', () => {
    const first = splitIncremental(null, 'one\n\ntwo\n\nthr');
    const second = splitIncremental(first, 'one\n\ntwo\n\nthree\n\nfour');
    expect(second.blocks.map((b) => b.source)).toEqual(['one\n\n', 'two\n\n', 'three\n\n', 'four']);
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.blocks[1]).toBe(first.blocks[1]);
  });

  it('starts over when the text is replaced rather than extended', () => {
    const first = splitIncremental(null, 'one\n\ntwo');
    const second = splitIncremental(first, 'uno\n\ndos');
    expect(second.blocks.map((b) => b.source)).toEqual(['uno\n\n', 'dos']);
  });

  it('returns the same state for the same input', () => {
    const first = splitIncremental(null, 'a\n\nb');
    expect(splitIncremental(first, 'a\n\nb')).toBe(first);
  });

  it('normalises newlines without changing length-independent content', () => {
    expect(normalizeNewlines('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});

/** mulberry32: a small seeded generator, so generated cases are the same on every run. */
function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}
