import { countTokens as exactCount } from 'gpt-tokenizer';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countTokens,
  disposeTokenCounter,
  estimateUsage,
  roughTokenCount,
} from '../../../src/main/chat/tokenEstimate';
import { encodeInSlices } from '../../../src/main/chat/tokenWorker';

const SENTENCE_ZH = '我们今天讨论的是如何在不阻塞主线程的情况下计算文本的令牌数量。';
const SENTENCE_EN = 'The quick brown fox jumps over the lazy dog while the tokens are counted. ';

function repeat(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

describe('token estimate', () => {
  afterAll(() => disposeTokenCounter());

  it('matches the tokenizer exactly on spaced text, however long', async () => {
    const text = repeat(SENTENCE_EN, 200_000);
    expect(await countTokens(text)).toBe(exactCount(text));
    expect(await countTokens('Hello, world')).toBe(exactCount('Hello, world'));
  });

  it('stays within 1% of the whole-text count on Chinese without spaces', async () => {
    // Punctuated: the tokenizer itself splits at 。 so the exact count is cheap to compare with.
    const punctuated = repeat(SENTENCE_ZH, 200_000);
    const exact = exactCount(punctuated);
    expect(Math.abs((await countTokens(punctuated)) - exact) / exact).toBeLessThan(0.01);
    // One 6,000-character run: the case that was quadratic (compared on a size the check can afford).
    const run = repeat(SENTENCE_ZH.replace('。', ''), 6_000);
    const exactRun = exactCount(run);
    expect(Math.abs((await countTokens(run)) - exactRun) / exactRun).toBeLessThan(0.01);
  });

  it('counts a megabyte of unbroken Chinese (linear, in the worker)', async () => {
    const text = repeat(SENTENCE_ZH.replace('。', ''), 1_000_000);
    const count = await countTokens(text);
    // o200k_base packs these characters at about 0.6 tokens each.
    expect(count).toBeGreaterThan(500_000);
    expect(count).toBeLessThan(700_000);
    // The second time comes from the per-text cache: same answer.
    expect(await countTokens(text)).toBe(count);
  });

  it('never splits a surrogate pair: emoji count as the tokenizer counts them', async () => {
    const text = '😀'.repeat(3_000);
    const pieces = 3_000 / 128; // 256 UTF-16 units per piece = 128 emoji
    expect(await countTokens(text)).toBe(exactCount('😀'.repeat(128)) * pieces);
  });

  it('adds chat framing to the prompt and counts the completion', async () => {
    const usage = await estimateUsage(
      [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi there' },
      ],
      'How can I help?',
    );
    expect(usage).toEqual({
      promptTokens: 3 + exactCount('Hello') + 4 + exactCount('Hi there') + 4,
      completionTokens: exactCount('How can I help?'),
    });
  });

  it('has a linear fallback that never returns zero for text', () => {
    expect(roughTokenCount(Buffer.byteLength('abcd'))).toBe(1);
    expect(roughTokenCount(Buffer.byteLength('中文'))).toBe(2);
  });

  it('hands the text over as UTF-8, split only between whole characters', async () => {
    // Slices are 64 Ki units: put a surrogate pair across the first boundary.
    const text = 'a'.repeat(64 * 1024 - 1) + '😀' + '中文'.repeat(40_000) + 'tiết kiệm';
    const bytes = await encodeInSlices(text);
    expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});
