import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../shared/rules/languages';
import { resources, NAMESPACES } from './resources';

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
