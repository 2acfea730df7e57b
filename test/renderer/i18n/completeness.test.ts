import { describe, expect, it } from 'vitest';
import { en, loadCatalog } from '../../../src/renderer/src/i18n/resources';
import { detectLanguage, resolveLanguage } from '../../../src/shared/rules/languages';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string): string[] =>
  [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();

// Vietnamese and Chinese are separate chunks, loaded the way the app loads them.
const resources = { en, vi: await loadCatalog('vi'), 'zh-CN': await loadCatalog('zh-CN') };

describe('translations', () => {
  const en = flatten(resources.en as unknown as Tree);
  for (const lang of ['vi', 'zh-CN'] as const) {
    const other = flatten(resources[lang] as unknown as Tree);
    it(`${lang} has every English key and no extra ones`, () => {
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    });
    it(`${lang} has no empty or untranslated strings and keeps every placeholder`, () => {
      for (const [key, text] of en) {
        const translated = other.get(key) ?? '';
        expect(translated.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
    });
  }
  it('Vietnamese text is real Vietnamese (diacritics present) and Chinese text is Chinese', () => {
    const vi = [...flatten(resources.vi as unknown as Tree).values()].join(' ');
    const zh = [...flatten(resources['zh-CN'] as unknown as Tree).values()].join(' ');
    expect(vi).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/);
    expect((zh.match(/[\u4e00-\u9fff]/g) ?? []).length).toBeGreaterThan(200);
  });
});

describe('language choice', () => {
  it.each([
    [['vi-VN'], 'vi'],
    [['zh-CN'], 'zh-CN'],
    [['zh-TW', 'en'], 'zh-CN'],
    [['fr-FR', 'en-US'], 'en'],
    [['de'], 'en'],
    [[], 'en'],
  ])('detects %j as %s', (locales, expected) => {
    expect(detectLanguage(locales)).toBe(expected);
  });
  it('an explicit preference wins over the OS', () => {
    expect(resolveLanguage('vi', ['zh-CN'])).toBe('vi');
    expect(resolveLanguage('system', ['zh-CN'])).toBe('zh-CN');
  });
});
