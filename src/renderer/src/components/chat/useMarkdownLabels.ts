import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultMarkdownLabels, type MarkdownLabels } from '../../markdown/markdownContext';

const keys = Object.keys(defaultMarkdownLabels) as (keyof MarkdownLabels)[];

/** The Markdown view's own strings (copy, images, plain-text note, links) in the UI language. */
export function useMarkdownLabels(): Partial<MarkdownLabels> {
  const { t } = useTranslation('chat');
  return useMemo(() => Object.fromEntries(keys.map((key) => [key, t(`markdown.${key}`)])), [t]);
}
