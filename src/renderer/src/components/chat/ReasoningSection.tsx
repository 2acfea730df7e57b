import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMs } from '../../format';

/** DeepSeek-style thinking, collapsible, with how long the model thought. */
export function ReasoningSection({ text, streaming }: { text: string; streaming: boolean }) {
  const { t, i18n } = useTranslation('chat');
  const started = useRef<number | null>(null);
  const [elapsed, setElapsed] = useState<number | null>(null);
  useEffect(() => {
    if (streaming) {
      started.current ??= performance.now();
    } else if (started.current !== null) {
      setElapsed(performance.now() - started.current);
      started.current = null;
    }
  }, [streaming]);
  const summary = streaming
    ? t('reasoning.thinking')
    : elapsed !== null
      ? t('reasoning.thoughtFor', { duration: formatMs(elapsed, i18n.language) })
      : t('reasoning.title');
  return (
    <details className="reasoning" open={streaming}>
      <summary>{summary}</summary>
      <div className="reasoning-text">{text}</div>
    </details>
  );
}
