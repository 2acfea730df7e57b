import { describe, expect, it } from 'vitest';
import {
  LANGUAGE_NAMES,
  LANGUAGES,
  UI_LANGUAGES,
  resolveLanguage,
} from '../../../src/shared/rules/languages';
import { preferencesSchema } from '../../../src/shared/types/profiles';

describe('languages', () => {
  it('names every language in its own words, and settings accept each one and "system"', () => {
    expect(Object.keys(LANGUAGE_NAMES)).toEqual([...UI_LANGUAGES]);
    for (const language of LANGUAGES)
      expect(preferencesSchema.parse({ language }).language).toBe(language);
    expect(() => preferencesSchema.parse({ language: 'fr' })).toThrow();
  });

  it('follows the OS locale for "system"', () => {
    expect(resolveLanguage('system', ['vi-VN', 'en-US'])).toBe('vi');
    expect(resolveLanguage('en', ['vi-VN'])).toBe('en');
  });
});
