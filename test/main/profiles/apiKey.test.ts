import { describe, expect, it } from 'vitest';
import type { FleeceError } from '../../../src/main/errors/FleeceError';
import { keyWarningFor, maskApiKey, normalizeApiKey } from '../../../src/main/profiles/apiKey';

describe('normalizeApiKey', () => {
  it('trims surrounding whitespace and line breaks from a paste', () => {
    expect(normalizeApiKey('  \thsa-abc123def456\r\n')).toBe('hsa-abc123def456');
  });

  it.each([
    ['empty', '', 'key_empty'],
    ['only spaces', '   \n ', 'key_empty'],
    ['an inner space', 'hsa-abc 123def456', 'key_whitespace'],
    ['an inner tab', 'hsa-abc\t123def456', 'key_whitespace'],
    ['a no-break space', 'hsa-abc\u00a0123def456', 'key_whitespace'],
    ['an inner line break', 'hsa-abc123\ndef456', 'key_line_break'],
    ['an inner CR', 'hsa-abc123\rdef456', 'key_line_break'],
    ['a zero-width space', 'hsa-abc\u200b123def456', 'key_invalid_character'],
    ['a zero-width joiner at the end', 'hsa-abc123def456\u200d', 'key_invalid_character'],
    ['a control character', 'hsa-abc\u0007123def456', 'key_invalid_character'],
    ['a non-ASCII letter', 'hsa-аbc123def456', 'key_invalid_character'], // Cyrillic а
    ['a huge paste', `hsa-${'a'.repeat(5000)}`, 'key_too_long'],
  ])('refuses %s', (_label, raw, code) => {
    expect(() => normalizeApiKey(raw)).toThrow(expect.objectContaining({ code }));
  });

  it('names the offending character and position, never the key', () => {
    const raw = 'hsa-secretpart\u200bmore';
    try {
      normalizeApiKey(raw);
      expect.unreachable();
    } catch (error) {
      const { text, hint } = error as FleeceError;
      expect(text).toEqual({
        code: 'key_invalid_character',
        params: { char: 'U+200B', position: 15 },
      });
      expect(JSON.stringify(error)).not.toContain('secretpart');
      expect((error as Error).message).not.toContain('secretpart');
      expect(hint).toEqual({ code: 'hint_key_invisible' });
    }
  });
});

describe('maskApiKey', () => {
  it.each([
    ['hsa-0123456789abcdef3f9a', 'hsa-…3f9a'],
    ['sk-proj-abcdefghijklmnopWXYZ', 'sk-…WXYZ'],
    ['sk-or-v1-0123456789abcd', 'sk-…abcd'],
    ['abcdefghijklmnop1234', 'abc…1234'],
    ['averylongprefix-without-early-dash-9876', 'ave…9876'],
    ['short-key', '…'],
    ['12345678901', '…'],
  ])('%s → %s', (key, masked) => {
    expect(maskApiKey(key)).toBe(masked);
  });

  it('never shows more than 10 characters of a key', () => {
    for (const key of ['hsa-0123456789abcdef', 'abcde-0123456789abcdef', 'x'.repeat(100)]) {
      expect(maskApiKey(key).replace('…', '').length).toBeLessThanOrEqual(10);
    }
  });
});

describe('keyWarningFor', () => {
  const holysheep = { preset: 'holysheep' as const, baseUrl: 'https://api.holysheep.ai/v1' };
  it('warns about an sk- key on a HolySheep profile, explaining hsa- keys', () => {
    const warning = keyWarningFor(holysheep, 'sk-abc123def456ghi789');
    expect(warning?.code).toBe('key_looks_like_openai');
    // The words (which name hsa- keys) are the renderer's: see test/renderer/i18n.
    expect(warning).toEqual({ code: 'key_looks_like_openai' });
  });
  it('also when a custom profile points at a HolySheep host', () => {
    expect(
      keyWarningFor({ preset: 'custom', baseUrl: 'https://eu.holysheep.ai/v1' }, 'sk-abc123def456'),
    ).toBeDefined();
  });
  it('not for an hsa- key, nor for an sk- key elsewhere', () => {
    expect(keyWarningFor(holysheep, 'hsa-abc123def456')).toBeUndefined();
    expect(
      keyWarningFor({ preset: 'openai', baseUrl: 'https://api.openai.com/v1' }, 'sk-abc123def456'),
    ).toBeUndefined();
    expect(
      keyWarningFor({ preset: 'custom', baseUrl: 'https://notholysheep.ai/v1' }, 'sk-abc123def456'),
    ).toBeUndefined();
  });
});
