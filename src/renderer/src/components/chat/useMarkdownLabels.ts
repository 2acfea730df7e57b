import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarkdownLabels } from '../../markdown';

/** The Markdown view's own strings (plain-text note, link confirmation) in the UI language. */
export function useMarkdownLabels(): Partial<MarkdownLabels> {
  const { t } = useTranslation('chat');
  return useMemo(
    () => ({
      plainFallback: t('markdown.plainFallback'),
      linkConfirmTitle: t('markdown.linkConfirmTitle'),
      linkMismatch: t('markdown.linkMismatch'),
      linkLocal: t('markdown.linkLocal'),
      linkOpen: t('markdown.linkOpen'),
      linkCancel: t('markdown.linkCancel'),
    }),
    [t],
  );
}
