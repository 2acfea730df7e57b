import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodedText } from '../../../shared/codes';

/** Anything main reports with words: an error, a relay failure, a probe finding. */
export interface Reported {
  text: CodedText;
  hint?: CodedText | undefined;
  /** Words that are not ours (the relay's), shown quoted. */
  detail?: string | undefined;
}

/**
 * Writes what main sent as codes in the current language. `say` is one sentence; `report` is the
 * sentence, the relay's own words in quotes, then the hint.
 */
export function useCodedText(): {
  say: (text: CodedText | null | undefined) => string;
  report: (reported: Reported | null | undefined) => string;
} {
  const { t } = useTranslation('codes');
  const say = useCallback(
    (text: CodedText | null | undefined): string =>
      text ? t(text.code, { ...text.params, interpolation: { escapeValue: false } }) : '',
    [t],
  );
  const report = useCallback(
    (r: Reported | null | undefined): string => {
      if (!r) return '';
      const parts = [say(r.text)];
      if (r.detail) parts.push(`“${r.detail}”`);
      if (r.hint) parts.push(say(r.hint));
      return parts.join(' ');
    },
    [say],
  );
  return { say, report };
}
