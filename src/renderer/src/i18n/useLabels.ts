import { useTranslation } from 'react-i18next';
import type { i18n as I18n, TFunction } from 'i18next';

type ChatT = TFunction<'chat'>;

// By i18next instance (its resource store: react-i18next gives every component its own wrapper of
// the instance, the store is the instance's own), then by the function that makes the strings,
// then by language.
const made = new WeakMap<object, WeakMap<object, Map<string, unknown>>>();

/**
 * The strings `make` builds from fixed keys, made once per i18next instance and language and
 * shared by every component that asks: a component drawn under every message (a conversation
 * opens with dozens) does not translate the same keys again each time it renders. `make` must be
 * a function defined once (module level), without interpolated values that change.
 */
export function useChatLabels<T>(make: (t: ChatT) => T): { labels: T; t: ChatT; i18n: I18n } {
  const { t, i18n } = useTranslation('chat');
  return { labels: labelsFor(i18n, t, make), t, i18n };
}

export function labelsFor<T>(i18n: I18n, t: ChatT, make: (t: ChatT) => T): T {
  const owner: object = (i18n.store as object | undefined) ?? i18n;
  let byMaker = made.get(owner);
  if (!byMaker) {
    byMaker = new WeakMap();
    made.set(owner, byMaker);
  }
  let byLanguage = byMaker.get(make);
  if (!byLanguage) {
    byLanguage = new Map();
    byMaker.set(make, byLanguage);
  }
  const language = i18n.language;
  let labels = byLanguage.get(language) as T | undefined;
  if (labels === undefined) {
    labels = make(t);
    byLanguage.set(language, labels);
  }
  return labels;
}
