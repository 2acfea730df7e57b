import { describe, expect, it } from 'vitest';
import { openFenceOf } from '../../../src/renderer/src/markdown/openFence';
import { chunkLines } from '../../../src/renderer/src/markdown/StreamingCodeBlock';

describe('openFenceOf', () => {
  it('reads the language and the code of an unclosed fence', () => {
    expect(openFenceOf('```ts title="a.ts"\nconst a = 1;\n\nconst b')).toEqual({
      language: 'ts',
      code: 'const a = 1;\n\nconst b',
    });
    expect(openFenceOf('~~~\nplain')).toEqual({ language: undefined, code: 'plain' });
    expect(openFenceOf('```py')).toEqual({ language: 'py', code: '' });
  });

  it('is null once the fence is closed, or when the block is not a fence', () => {
    expect(openFenceOf('```js\nx\n```')).toBeNull();
    expect(openFenceOf('```js\nx\n```\n\n')).toBeNull();
    expect(openFenceOf('~~~\nx\n  ~~~~  \n')).toBeNull();
    expect(openFenceOf('paragraph\n```js\nx')).toBeNull();
    expect(openFenceOf('``js`\nx')).toBeNull();
    expect(openFenceOf('```a`b\nx')).toBeNull();
    expect(openFenceOf('    ```\nindented code')).toBeNull();
  });

  it('needs a closing fence of the same character and at least the same length', () => {
    expect(openFenceOf('````md\n```\ninner\n```\n``')).toEqual({
      language: 'md',
      code: '```\ninner\n```\n``',
    });
    expect(openFenceOf('```\n~~~\n')).toEqual({ language: undefined, code: '~~~\n' });
    expect(openFenceOf('```\ncode ```')).toEqual({ language: undefined, code: 'code ```' });
  });

  it('removes the fence indentation from the code, as CommonMark does', () => {
    expect(openFenceOf('  ```\n  a\n    b\n c')).toEqual({
      language: undefined,
      code: 'a\n  b\nc',
    });
  });

  it('allows blank lines before the fence', () => {
    expect(openFenceOf('\n\n```sh\nls')).toEqual({ language: 'sh', code: 'ls' });
  });
});

describe('chunkLines', () => {
  it('cuts after every n-th newline and concatenates back', () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n');
    const chunks = chunkLines(text, 4);
    expect(chunks).toEqual([
      'line 0\nline 1\nline 2\nline 3\n',
      'line 4\nline 5\nline 6\nline 7\n',
      'line 8\nline 9',
    ]);
    expect(chunks.join('')).toBe(text);
    expect(chunkLines('', 4)).toEqual(['']);
    expect(chunkLines('a\nb\n', 2)).toEqual(['a\nb\n']);
  });
});
