import { describe, expect, it } from 'vitest';
import { CODES } from '../../../src/shared/codes';
import { en } from '../../../src/renderer/src/i18n/resources';
import vi from '../../../src/renderer/src/i18n/vi/catalog';
import zhCN from '../../../src/renderer/src/i18n/zh-CN/catalog';

const resources = { en, vi, 'zh-CN': zhCN };

const LANGUAGES = ['en', 'vi', 'zh-CN'] as const;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('the words for every code main sends', () => {
  it.each(LANGUAGES)('%s has a sentence for each code, and nothing else', (lang) => {
    const catalogue = resources[lang].codes as Record<string, string>;
    expect(Object.keys(catalogue).sort()).toEqual([...CODES].sort());
    for (const code of CODES) expect(catalogue[code]?.trim(), code).not.toBe('');
  });

  it('translations are real translations with the same placeholders', () => {
    const en = resources.en.codes as Record<string, string>;
    for (const lang of ['vi', 'zh-CN'] as const) {
      const other = resources[lang].codes as Record<string, string>;
      for (const code of CODES) {
        expect(other[code], `${lang} ${code}`).not.toBe(en[code]);
        expect(placeholders(other[code] ?? ''), `${lang} ${code}`).toEqual(
          placeholders(en[code] ?? ''),
        );
      }
    }
  });

  it('the sk- key warning explains HolySheep’s hsa- keys in every language', () => {
    for (const lang of LANGUAGES)
      expect((resources[lang].codes as Record<string, string>)['key_looks_like_openai']).toMatch(
        /hsa-/,
      );
  });
});
