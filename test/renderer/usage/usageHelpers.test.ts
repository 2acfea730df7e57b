import { describe, expect, it } from 'vitest';
import { parsePriceRows } from '../../../src/renderer/src/components/usage/PriceTableEditor';
import {
  budgetInputValue,
  parseAmount,
  showMoney,
  toDisplay,
  toUsd,
} from '../../../src/renderer/src/components/usage/money';
import {
  customRange,
  formatDay,
  lastDay,
  localToday,
  rangeForPreset,
} from '../../../src/renderer/src/components/usage/usageRange';

const vnd = { currency: 'VND' as const, rates: { CNY: 7.1, VND: 25_400 } };
const cny = { currency: 'CNY' as const, rates: { CNY: 7.1, VND: 25_400 } };

describe('ranges of local days', () => {
  // 23:30 UTC on Jan 31 is already Feb 1 in Ho Chi Minh City and still Jan 31 in Los Angeles.
  const now = Date.UTC(2025, 0, 31, 23, 30);

  it('takes today in the viewer’s zone', () => {
    expect(localToday(now, 'Asia/Ho_Chi_Minh')).toBe('2025-02-01');
    expect(localToday(now, 'America/Los_Angeles')).toBe('2025-01-31');
  });

  it('gives this month, last month, the last 7 and 30 days and this year, end excluded', () => {
    expect(rangeForPreset('thisMonth', now, 'Asia/Ho_Chi_Minh')).toEqual({
      preset: 'thisMonth',
      from: '2025-02-01',
      to: '2025-03-01',
    });
    expect(rangeForPreset('thisMonth', now, 'America/Los_Angeles')).toEqual({
      preset: 'thisMonth',
      from: '2025-01-01',
      to: '2025-02-01',
    });
    expect(rangeForPreset('lastMonth', now, 'America/Los_Angeles')).toEqual({
      preset: 'lastMonth',
      from: '2024-12-01',
      to: '2025-01-01',
    });
    expect(rangeForPreset('last7', now, 'Asia/Ho_Chi_Minh')).toEqual({
      preset: 'last7',
      from: '2025-01-26',
      to: '2025-02-02',
    });
    expect(rangeForPreset('last30', Date.UTC(2024, 2, 1, 12), 'UTC')).toEqual({
      preset: 'last30',
      from: '2024-02-01',
      to: '2024-03-02',
    });
    expect(rangeForPreset('thisYear', now, 'Asia/Ho_Chi_Minh')).toEqual({
      preset: 'thisYear',
      from: '2025-01-01',
      to: '2026-01-01',
    });
    expect(rangeForPreset('thisMonth', Date.UTC(2024, 11, 15), 'UTC').to).toBe('2025-01-01');
  });

  it('turns two included days into a range, or refuses', () => {
    expect(customRange('2025-02-01', '2025-02-28')).toEqual({
      preset: 'custom',
      from: '2025-02-01',
      to: '2025-03-01',
    });
    expect(customRange('2025-02-01', '2025-02-01')?.to).toBe('2025-02-02');
    expect(customRange('2025-02-02', '2025-02-01')).toBeNull();
    expect(customRange('', '2025-02-01')).toBeNull();
    expect(lastDay({ to: '2025-03-01' })).toBe('2025-02-28');
  });

  it('shows a local day in the UI language without shifting it', () => {
    expect(formatDay('2025-03-01', 'en', { month: 'short', day: 'numeric' })).toBe('Mar 1');
    expect(
      formatDay('2025-03-01', 'vi', { day: 'numeric', month: 'numeric', year: 'numeric' }),
    ).toBe('1/3/2025');
    expect(formatDay('2025-03-01', 'zh-CN', { month: 'long', day: 'numeric' })).toBe('3月1日');
  });
});

describe('money in the display currency', () => {
  it('converts stored USD at the user’s rate and back', () => {
    expect(toDisplay(2, vnd)).toBe(50_800);
    expect(toUsd(50_800, vnd)).toBe(2);
    expect(toDisplay(2, null)).toBe(2);
  });

  it('shows an unknown cost as —, never as zero', () => {
    expect(showMoney(null, cny, 'en')).toBe('—');
    expect(showMoney(0, null, 'en')).toBe('$0.00');
    expect(showMoney(1.5, cny, 'en')).toBe('CN¥10.65');
    expect(showMoney(1, vnd, 'vi')).toBe('25.400\u00a0₫');
  });

  it('prefills a budget in the display currency, rounded as money', () => {
    expect(budgetInputValue(19.685039, vnd)).toBe('500000');
    expect(budgetInputValue(10, cny)).toBe('71');
    expect(budgetInputValue(undefined, cny)).toBe('');
  });

  it('reads amounts: blank is unknown, negative or junk is invalid', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount(' 0.42 ')).toBe(0.42);
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount('-1')).toBe('invalid');
    expect(parseAmount('abc')).toBe('invalid');
  });

  it('reads the price editor rows: blank prices stay unknown, empty new rows are dropped', () => {
    expect(
      parsePriceRows([
        { key: 0, model: ' gpt-4.1 ', input: '', output: '8' },
        { key: 1, model: '', input: '', output: '' },
        { key: 2, model: 'free', input: '0', output: '0' },
      ]),
    ).toEqual([
      { model: 'gpt-4.1', inputPerMTok: null, outputPerMTok: 8 },
      { model: 'free', inputPerMTok: 0, outputPerMTok: 0 },
    ]);
    expect(parsePriceRows([{ key: 0, model: '', input: '1', output: '' }])).toBeNull();
    expect(parsePriceRows([{ key: 0, model: 'x', input: '-2', output: '' }])).toBeNull();
  });
});

describe('context lengths in the price table', () => {
  it('keeps a context length typed for a model, blank meaning the known one', () => {
    expect(
      parsePriceRows([
        { key: 0, model: 'my-llm', input: '', output: '', context: '32k' },
        { key: 1, model: 'gpt-4.1', input: '', output: '8', context: '' },
      ]),
    ).toEqual([
      { model: 'my-llm', inputPerMTok: null, outputPerMTok: null, contextTokens: 32_000 },
      { model: 'gpt-4.1', inputPerMTok: null, outputPerMTok: 8 },
    ]);
    expect(
      parsePriceRows([{ key: 0, model: 'x', input: '', output: '', context: 'big' }]),
    ).toBeNull();
  });
});
