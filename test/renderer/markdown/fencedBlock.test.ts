import { describe, expect, it } from 'vitest';
import { parseFencedBlock } from '../../../src/renderer/src/markdown/fencedBlock';
import { chunkCode } from '../../../src/renderer/src/markdown/codeChunks';

describe('parseFencedBlock', () => {
  it('reads the language and code of a fence still streaming in', () => {
    expect(parseFencedBlock('```ts title="a.ts"\nconst a = 1;\n\nconst b')).toEqual({
      language: 'ts',
      code: 'const a = 1;\n\nconst b',
      closed: false,
    });
    expect(parseFencedBlock('```py\nx\n')).toEqual({ language: 'py', code: 'x', closed: false });
    expect(parseFencedBlock('~~~\nplain')).toEqual({
      language: undefined,
      code: 'plain',
      closed: false,
    });
    expect(parseFencedBlock('```py')).toEqual({ language: 'py', code: '', closed: false });
  });

  it('reads a closed fence, with or without blank lines after it', () => {
    expect(parseFencedBlock('```js\nx\n\ny\n```')).toEqual({
      language: 'js',
      code: 'x\n\ny',
      closed: true,
    });
    expect(parseFencedBlock('```js\nx\n```\n\n  \n')).toEqual({
      language: 'js',
      code: 'x',
      closed: true,
    });
    expect(parseFencedBlock('~~~\nx\n  ~~~~  ')).toEqual({
      language: undefined,
      code: 'x',
      closed: true,
    });
    expect(parseFencedBlock('```\n```')).toEqual({ language: undefined, code: '', closed: true });
  });

  it('is null for blocks that are not exactly one fence', () => {
    expect(parseFencedBlock('```js\nx\n```\nmore text')).toBeNull();
    expect(parseFencedBlock('paragraph\n```js\nx')).toBeNull();
    expect(parseFencedBlock('``js`\nx')).toBeNull();
    expect(parseFencedBlock('```a`b\nx')).toBeNull();
    expect(parseFencedBlock('    ```\nindented code')).toBeNull();
    expect(parseFencedBlock('- ```\n  x\n  ```')).toBeNull();
  });

  it('closes only on the same character, at least as long', () => {
    expect(parseFencedBlock('````md\n```\ninner\n```\n``')).toEqual({
      language: 'md',
      code: '```\ninner\n```\n``',
      closed: false,
    });
    expect(parseFencedBlock('```\n~~~\n')).toEqual({
      language: undefined,
      code: '~~~',
      closed: false,
    });
    expect(parseFencedBlock('```\ncode ```')).toEqual({
      language: undefined,
      code: 'code ```',
      closed: false,
    });
  });

  it('removes the fence indentation from the code, as CommonMark does', () => {
    expect(parseFencedBlock('  ```\n  a\n    b\n c\n  ```')).toEqual({
      language: undefined,
      code: 'a\n  b\nc',
      closed: true,
    });
  });

  it('allows blank lines before the fence', () => {
    expect(parseFencedBlock('\n\n```sh\nls')).toEqual({
      language: 'sh',
      code: 'ls',
      closed: false,
    });
  });
});

describe('chunkCode', () => {
  const line = (i: number) => `x${i} = f(${i})`;

  it('cuts after a blank line once a chunk has 16 lines, and concatenates back', () => {
    const code = Array.from({ length: 50 }, (_, i) => (i % 8 === 7 ? '' : line(i))).join('\n');
    const chunks = chunkCode(code);
    expect(chunks.join('')).toBe(code);
    expect(chunks.map((c) => c.split('\n').length - 1)).toEqual([16, 16, 16, 1]);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('\n\n')).toBe(true);
  });

  it('cuts at 48 lines when there is no blank line', () => {
    const code = Array.from({ length: 200 }, (_, i) => line(i)).join('\n');
    expect(chunkCode(code).map((c) => c.split('\n').length)).toEqual([49, 49, 49, 49, 8]);
  });

  it('keeps earlier chunks unchanged while the code grows', () => {
    const code = Array.from({ length: 300 }, (_, i) => (i % 13 === 0 ? '' : line(i))).join('\n');
    const full = chunkCode(code);
    for (let end = 0; end <= code.length; end += 7) {
      const chunks = chunkCode(code.slice(0, end));
      expect(chunks.join('')).toBe(code.slice(0, end));
      expect(chunks.slice(0, -1)).toEqual(full.slice(0, chunks.length - 1));
    }
  });

  it('returns one empty chunk for empty code', () => {
    expect(chunkCode('')).toEqual(['']);
  });
});
