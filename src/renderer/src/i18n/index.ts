import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, NAMESPACES, type UiLanguage } from './resources';

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

export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
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
