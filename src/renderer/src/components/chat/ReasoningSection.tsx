import { useTranslation } from 'react-i18next';
import { formatMs } from '../../format';

/**
 * DeepSeek-style thinking, collapsible. While the model thinks: "Thinking…"; afterwards, how long
 * it thought, as main measured and stored it (`Message.reasoningMs`), so a saved answer shows it too.
 */
export function ReasoningSection({
  text,
  streaming,
  durationMs,
}: {
  text: string;
  streaming: boolean;
  durationMs: number | null;
}) {
  const { t, i18n } = useTranslation('chat');
  const summary = streaming
    ? t('reasoning.thinking')
    : durationMs !== null
      ? t('reasoning.thoughtFor', { duration: formatMs(durationMs, i18n.language) })
      : t('reasoning.title');
  return (
    <details className="reasoning" open={streaming}>
      <summary>{summary}</summary>
      <div className="reasoning-text">{text}</div>
    </details>
  );
}
