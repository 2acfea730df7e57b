import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { defaultMarkdownLabels, type MarkdownLabels } from '../../markdown/markdownContext';

const keys = Object.keys(defaultMarkdownLabels) as (keyof MarkdownLabels)[];

// One object per i18n instance and language, shared by every message (each message asking for
// its own meant a dozen lookups per message shown).
const cache = new WeakMap<I18n, Map<string, Partial<MarkdownLabels>>>();

/** The Markdown view's own strings (copy, images, plain-text note, links) in the UI language. */
export function useMarkdownLabels(): Partial<MarkdownLabels> {
  const { t, i18n } = useTranslation('chat');
  let byLanguage = cache.get(i18n);
  if (!byLanguage) {
    byLanguage = new Map();
    cache.set(i18n, byLanguage);
  }
  let labels = byLanguage.get(i18n.language);
  if (!labels) {
    labels = Object.fromEntries(keys.map((key) => [key, t(`markdown.${key}`)]));
    byLanguage.set(i18n.language, labels);
  }
  return labels;
}
