import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from '../../../src/renderer/src/components/chat/plainText';

describe('markdownToPlainText', () => {
  it('drops markers and link targets, keeps the words', () => {
    expect(
      markdownToPlainText(
        '## Tiết kiệm\n\nAt **10 million** tokens, see [the price list](https://x.test) and `monthly()`.\n\n> *Note*: ~~old~~ new',
      ),
    ).toBe('Tiết kiệm\n\nAt 10 million tokens, see the price list and monthly().\n\nNote: old new');
  });

  it('keeps code as written, without its fence', () => {
    expect(markdownToPlainText('Code:\n\n```ts\nconst a = 2 * b_c * d;\n```\nDone')).toBe(
      'Code:\n\nconst a = 2 * b_c * d;\nDone',
    );
  });

  it('turns a table into tab-separated rows and lists into dashes', () => {
    expect(markdownToPlainText('| 模型 | 价格 |\n|---|---:|\n| A | 8.00 |\n\n* one\n+ two')).toBe(
      '模型\t价格\nA\t8.00\n\n- one\n- two',
    );
  });
});
