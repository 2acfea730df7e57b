import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarkdownLabels } from '../../markdown';

/** The Markdown view's own strings (copy, images, plain-text note, links) in the UI language. */
export function useMarkdownLabels(): Partial<MarkdownLabels> {
  const { t } = useTranslation('chat');
  return useMemo(
    () => ({
      copy: t('markdown.copy'),
      copied: t('markdown.copied'),
      copyFailed: t('markdown.copyFailed'),
      plainText: t('markdown.plainText'),
      loadImage: t('markdown.loadImage'),
      loadingImage: t('markdown.loadingImage'),
      imageFailed: t('markdown.imageFailed'),
      taskDone: t('markdown.taskDone'),
      taskOpen: t('markdown.taskOpen'),
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
