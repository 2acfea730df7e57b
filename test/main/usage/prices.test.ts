import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cleanPriceTable,
  computeCost,
  findPrice,
  normalizeModelName,
  priceCoverage,
} from '../../../src/main/usage/prices';
import { DEFAULT_PRICES, type PriceEntry } from '../../../src/shared/types/usage';
import { UsageFixture } from './usageFixture';

const usage = (promptTokens: number, completionTokens: number) => ({
  promptTokens,
  completionTokens,
});

describe('cost arithmetic', () => {
  const table: PriceEntry[] = [
    { model: 'full-model', inputPerMTok: 2, outputPerMTok: 8 },
    { model: 'output-model', inputPerMTok: null, outputPerMTok: 15 },
    { model: 'input-model', inputPerMTok: 1, outputPerMTok: null },
    { model: 'blank-model', inputPerMTok: null, outputPerMTok: null },
    { model: 'free-model', inputPerMTok: 0, outputPerMTok: 0 },
  ];

  it('is prompt × input + completion × output per million tokens', () => {
    expect(computeCost(table, 'full-model', usage(1_000_000, 500_000))).toBeCloseTo(2 + 4, 12);
    expect(computeCost(table, 'full-model', usage(1200, 800))).toBeCloseTo(
      (1200 * 2 + 800 * 8) / 1e6,
      15,
    );
  });

  it('prices only the side whose price is known, and says which', () => {
    expect(computeCost(table, 'output-model', usage(5000, 1000))).toBeCloseTo(0.015, 15);
    expect(priceCoverage(findPrice(table, 'output-model'))).toBe('output_only');
    expect(computeCost(table, 'input-model', usage(5000, 1000))).toBeCloseTo(0.005, 15);
    expect(priceCoverage(findPrice(table, 'input-model'))).toBe('input_only');
    expect(priceCoverage(findPrice(table, 'full-model'))).toBe('full');
  });

  it('is null (shown as —), never 0, when no price is known', () => {
    expect(computeCost(table, 'unknown-model', usage(100, 100))).toBeNull();
    expect(computeCost(table, 'blank-model', usage(100, 100))).toBeNull();
    expect(priceCoverage(findPrice(table, 'blank-model'))).toBe('none');
    expect(priceCoverage(findPrice(table, 'unknown-model'))).toBe('none');
  });

  it('a price of 0 is a known price (a free local model costs 0, not —)', () => {
    expect(computeCost(table, 'free-model', usage(100, 100))).toBe(0);
  });

  it('has the source document defaults: output prices, blank input prices', () => {
    const out = (m: string) => findPrice(DEFAULT_PRICES, m)?.outputPerMTok;
    expect(out('gpt-4.1')).toBe(8);
    expect(out('claude-sonnet-4.5')).toBe(15);
    expect(out('gemini-2.5-flash')).toBe(2.5);
    expect(out('deepseek-chat')).toBe(0.42);
    expect(out('deepseek-v3.2')).toBe(0.42);
    expect(DEFAULT_PRICES.every((p) => p.inputPerMTok === null)).toBe(true);
    // 10 M output tokens on GPT-4.1 cost $80 and $4.20 on DeepSeek, as the document says.
    expect(computeCost(DEFAULT_PRICES, 'gpt-4.1', usage(0, 10_000_000))).toBeCloseTo(80, 10);
    expect(computeCost(DEFAULT_PRICES, 'deepseek-chat', usage(0, 10_000_000))).toBeCloseTo(4.2, 10);
  });

  it('matches model names case-insensitively, without provider prefix or date suffix, with aliases', () => {
    const only: PriceEntry[] = [
      { model: 'deepseek-chat', inputPerMTok: 0.28, outputPerMTok: 0.42 },
      { model: 'gpt-4.1', inputPerMTok: 2, outputPerMTok: 8 },
      { model: 'Claude-Sonnet-4.5', inputPerMTok: 3, outputPerMTok: 15 },
    ];
    expect(findPrice(only, 'DeepSeek-Chat')?.model).toBe('deepseek-chat');
    expect(findPrice(only, 'DeepSeek-V3.2')?.model).toBe('deepseek-chat');
    expect(findPrice(only, 'deepseek/deepseek-chat')?.model).toBe('deepseek-chat');
    expect(findPrice(only, 'gpt-4.1-2025-04-14')?.model).toBe('gpt-4.1');
    expect(findPrice(only, 'openai/GPT-4.1')?.model).toBe('gpt-4.1');
    expect(findPrice(only, 'claude-sonnet-4-5-20250929')?.model).toBe('Claude-Sonnet-4.5');
    expect(findPrice(only, 'gpt-4.1-mini')).toBeNull();
    expect(findPrice(only, 'gpt-4o')).toBeNull();
    expect(normalizeModelName(' DeepSeek-V3.2 ')).toBe('deepseek-chat');
    // An exact row wins over an alias: both defaults exist, each is found as itself.
    expect(findPrice(DEFAULT_PRICES, 'deepseek-v3.2')?.model).toBe('deepseek-v3.2');
  });

  it('cleans an edited table: trims names, drops empty names and later duplicates', () => {
    const cleaned = cleanPriceTable([
      { model: ' gpt-4.1 ', inputPerMTok: 2, outputPerMTok: 8 },
      { model: 'GPT-4.1', inputPerMTok: 9, outputPerMTok: 9 },
      { model: '  ', inputPerMTok: 1, outputPerMTok: 1 },
    ]);
    expect(cleaned).toEqual([{ model: 'gpt-4.1', inputPerMTok: 2, outputPerMTok: 8 }]);
  });
});

describe('prices in the usage service', () => {
  let f: UsageFixture;
  beforeEach(async () => {
    f = await UsageFixture.open();
  });
  afterEach(() => f.close());

  it('starts from the defaults, and an edit is kept across a restart', async () => {
    expect(f.usage.settings().pricesAreDefault).toBe(true);
    expect(f.usage.prices()).toEqual(DEFAULT_PRICES);
    await f.usage.updatePrices([
      { model: 'deepseek-chat', inputPerMTok: 0.28, outputPerMTok: 0.42 },
    ]);
    await f.reopen();
    expect(f.usage.prices()).toEqual([
      { model: 'deepseek-chat', inputPerMTok: 0.28, outputPerMTok: 0.42 },
    ]);
    expect(f.usage.settings().pricesAreDefault).toBe(false);
    expect(f.usage.computeCost('DeepSeek-V3.2', usage(1000, 2000))).toBeCloseTo(
      (1000 * 0.28 + 2000 * 0.42) / 1e6,
      15,
    );
    expect(await f.usage.resetPrices()).toEqual(DEFAULT_PRICES);
    expect(f.usage.settings().pricesAreDefault).toBe(true);
  });

  it('a later price edit never rewrites a stored cost', async () => {
    const cost = f.usage.computeCost('gpt-4.1', usage(1000, 1_000));
    expect(cost).toBeCloseTo(0.008, 15);
    f.answer({
      at: Date.UTC(2025, 0, 5, 12),
      model: 'gpt-4.1',
      prompt: 1000,
      completion: 1000,
      cost,
    });
    await f.usage.updatePrices([{ model: 'gpt-4.1', inputPerMTok: 2, outputPerMTok: 100 }]);
    const summary = f.usage.summary({ from: '2025-01-01', to: '2025-02-01', timeZone: 'UTC' });
    expect(summary.totals.costUsd).toBeCloseTo(0.008, 15);
    expect(summary.models[0]?.coverage).toBe('full');
  });
});
