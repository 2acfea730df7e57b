import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatMoney,
  formatMs,
  tokensPerSecond,
} from '../../src/renderer/src/format';

describe('format', () => {
  it('shows small costs with enough digits, never as $0.00', () => {
    expect(formatMoney(0.00042, 'USD', 'en')).toBe('$0.00042');
    expect(formatMoney(0.42, 'USD', 'en')).toBe('$0.4200');
    expect(formatMoney(12.5, 'USD', 'en')).toBe('$12.50');
    expect(formatMoney(12500, 'VND', 'vi')).toMatch(/12\.500\s?₫/);
  });
  it('shows token counts as K and M in every language, the number in the locale', () => {
    expect(formatCompact(950, 'en')).toBe('950');
    expect(formatCompact(12_345, 'en')).toBe('12.3K');
    expect(formatCompact(128_000, 'vi')).toBe('128K');
    expect(formatCompact(12_345, 'vi')).toBe('12,3K');
    expect(formatCompact(128_000, 'zh-CN')).toBe('128K');
    expect(formatCompact(999_999, 'en')).toBe('1M');
    expect(formatCompact(1_048_576, 'en')).toBe('1M');
    expect(formatCompact(2_000_000, 'zh-CN')).toBe('2M');
  });
  it('formats durations', () => {
    expect(formatMs(45.4, 'en')).toBe('45 ms');
    expect(formatMs(1530, 'en')).toBe('1.5 s');
  });
  it('computes tokens per second over the streaming part', () => {
    expect(tokensPerSecond(100, 2100, 100)).toBe(50);
    expect(tokensPerSecond(null, 1000, 0)).toBeNull();
    expect(tokensPerSecond(10, 100, 100)).toBeNull();
  });
});
