import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../shared/rules/languages';
import { en, loadedCatalog, NAMESPACES } from './resources';
import { essential } from './essential';

export { loadCatalog } from './resources';
export type { UiLanguage } from '../../../shared/rules/languages';

/**
 * An i18next instance showing `language`. Its catalog must have been loaded (loadCatalog) for
 * its text to appear; keys it lacks fall back to the bundled English. Without it, the few strings
 * bundled for every language (./essential: that part of the window did not load) still show in
 * `language`.
 */
export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  const own =
    language === 'en' ? undefined : (loadedCatalog(language) ?? { common: essential[language] });
  void instance.use(initReactI18next).init({
    resources: own ? { en, [language]: own } : { en },
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
