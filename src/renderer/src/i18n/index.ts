import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, loadedCatalog, NAMESPACES, type UiLanguage } from './resources';

export { loadCatalog, type UiLanguage } from './resources';

export const UI_LANGUAGES: UiLanguage[] = ['en', 'vi', 'zh-CN'];

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

/** Resolves the preference ('system' or a language) to the language shown. */
export function resolveLanguage(pref: string, locales: readonly string[]): UiLanguage {
  return (UI_LANGUAGES as string[]).includes(pref) ? (pref as UiLanguage) : detectLanguage(locales);
}

/**
 * An i18next instance showing `language`. Its catalog must have been loaded (loadCatalog) for
 * its text to appear; keys it lacks fall back to the bundled English.
 */
export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  const catalog = loadedCatalog(language);
  void instance.use(initReactI18next).init({
    resources: catalog && language !== 'en' ? { en, [language]: catalog } : { en },
    lng: language,
    fallbackLng: 'en',
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
