import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from '../../../src/shared/rules/plainText';

describe('markdownToPlainText', () => {
  it('drops emphasis, headings, quotes and list markers', () => {
    expect(
      markdownToPlainText(
        '## Tiết kiệm **95 %** chi phí\n> *quoted* and __strong__\n- item one\n1. item two\n- [x] done ~~old~~',
      ),
    ).toBe('Tiết kiệm 95 % chi phí\nquoted and strong\nitem one\nitem two\ndone old');
  });

  it('keeps link and image text, not their syntax or addresses', () => {
    expect(
      markdownToPlainText(
        'See [the docs](https://example.com/a_(b) "Docs") and ![a chart](x.png), <https://holysheep.ai>, [ref][1].\n[1]: https://example.com',
      ),
    ).toBe('See the docs and a chart, https://holysheep.ai, ref.');
  });

  it('keeps code as written, without backticks or fences', () => {
    expect(markdownToPlainText('Use `a * b * c` or `` x`y ``.')).toBe('Use a * b * c or  x`y .');
    expect(
      markdownToPlainText('A quick check:\n\n```ts\nconst total = price * 2; // **not bold**\n```'),
    ).toBe('A quick check:\n\nconst total = price * 2; // **not bold**');
  });

  it('turns tables into cells and removes their dividers', () => {
    expect(markdownToPlainText('| Model | $ / M |\n| --- | ---: |\n| GPT-4.1 | **8.00** |')).toBe(
      'Model · $ / M;\nGPT-4.1 · 8.00;',
    );
  });

  it('leaves snake_case, arithmetic and prices alone, removes rules and keeps HTML as text', () => {
    expect(markdownToPlainText('max_tokens is 2 * 3 = 6, costs $4.20\n\n---\n<b>bold</b>')).toBe(
      'max_tokens is 2 * 3 = 6, costs $4.20\n\n<b>bold</b>',
    );
  });

  it('handles Chinese and unmatched markers without losing text', () => {
    expect(markdownToPlainText('**中转站**的延迟 < 50 ms，*未闭合')).toBe(
      '中转站的延迟 < 50 ms，*未闭合',
    );
  });
});
