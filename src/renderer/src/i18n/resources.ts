import enCommon from './en/common';
import enChat from './en/chat';
import enCodes from './en/codes';
import enErrors from './en/errors';
import enSettings from './en/settings';
import enOnboarding from './en/onboarding';
import enUsage from './en/usage';
import type { Translation } from './shape';
import type { UiLanguage } from '../../../shared/rules/languages';

/** English is bundled: it is the fallback for every other language and the type of the keys. */
export const en = {
  common: enCommon,
  chat: enChat,
  errors: enErrors,
  codes: enCodes,
  settings: enSettings,
  onboarding: enOnboarding,
  usage: enUsage,
} as const;

export type Catalog = Translation<typeof en>;

export const NAMESPACES = Object.keys(en) as (keyof typeof en)[];

// Each other language is one chunk, fetched when it is chosen: most users never need two.
const loaders: Record<Exclude<UiLanguage, 'en'>, () => Promise<Catalog>> = {
  vi: () => import('./vi/catalog').then((m) => m.default),
  'zh-CN': () => import('./zh-CN/catalog').then((m) => m.default),
};

const loaded = new Map<UiLanguage, Catalog>([['en', en]]);
const pending = new Map<UiLanguage, Promise<Catalog>>();

/** The catalog of `language` if it has been loaded (English always is). */
export function loadedCatalog(language: UiLanguage): Catalog | undefined {
  return loaded.get(language);
}

/** Loads the catalog of `language` once. */
export function loadCatalog(language: UiLanguage): Promise<Catalog> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let request = pending.get(language);
  if (!request) {
    request = loaders[language as Exclude<UiLanguage, 'en'>]().then(
      (catalog) => {
        loaded.set(language, catalog);
        pending.delete(language);
        return catalog;
      },
      (error: unknown) => {
        pending.delete(language);
        throw error;
      },
    );
    pending.set(language, request);
  }
  return request;
}
