/** The languages Fleece is written in; every user-facing word exists in each. */
export const UI_LANGUAGES = ['en', 'vi', 'zh-CN'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The preference: a language, or `system` to follow the OS locale. */
export const LANGUAGES = ['system', ...UI_LANGUAGES] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own words: shown as is whatever the current language. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  vi: 'Tiếng Việt',
  'zh-CN': '简体中文',
};

/** Picks the UI language from the OS/browser locale list: Vietnamese, Chinese, else English. */
export function detectLanguage(locales: readonly string[]): UiLanguage {
  for (const raw of locales) {
    const l = raw.toLowerCase();
    if (l === 'vi' || l.startsWith('vi-')) return 'vi';
    if (l === 'zh' || l.startsWith('zh-')) return 'zh-CN';
    if (l === 'en' || l.startsWith('en-')) return 'en';
  }
  return 'en';
}

function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Resolves the preference ('system' or a language) to the language shown. */
export function resolveLanguage(pref: string, locales: readonly string[]): UiLanguage {
  return isUiLanguage(pref) ? pref : detectLanguage(locales);
}
