import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatRetryWait } from '../../../../shared/types/chat';
import { useClient, useStoreApi } from '../../store/StoreContext';
import { Timer } from 'lucide-react';
import { Button } from '../../ui/Button';

/**
 * While main waits to retry an answer that has no text yet (a 429's Retry-After, or a backoff):
 * "Rate limited — retrying in 12 s" with Cancel, which stops the turn; once the wait is over,
 * "retrying now" until text arrives (the parent unmounts it then). Listens for `chat.retryWait`
 * itself; shows nothing before any wait.
 */
export function RetryCountdown({ messageId }: { messageId: string }) {
  const { t } = useTranslation('chat');
  const client = useClient();
  const store = useStoreApi();
  const [wait, setWait] = useState<ChatRetryWait | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(
    () =>
      client.on('chat.retryWait', (w) => {
        if (w.messageId !== messageId) return;
        setNow(Date.now());
        setWait(w);
      }),
    [client, messageId],
  );

  const left = wait === null ? 0 : Math.ceil((wait.until - now) / 1000);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [left]);

  if (wait === null) return null;
  const limited = wait.code === 'rate_limited';
  return (
    <div
      className="banner retry-countdown"
      role="status"
      data-testid="retry-countdown"
      data-code={wait.code}
    >
      <Timer size={16} aria-hidden="true" className="retry-countdown-icon" />
      <span className="retry-countdown-text">
        {left > 0
          ? t(limited ? 'retryWait.rateLimited' : 'retryWait.retrying', { seconds: left })
          : t(limited ? 'retryWait.rateLimitedNow' : 'retryWait.retryingNow')}
      </span>{' '}
      <Button size="sm" onClick={() => void store.getState().chatActions.stop(messageId)}>
        {t('retryWait.cancel')}
      </Button>
    </div>
  );
}
