import { useEffect, useSyncExternalStore } from 'react';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FileWarning } from 'lucide-react';
import { whenIdle } from '../../afterFirstPaint';
import { lazyModule, reported, useLazyModule } from '../../lazyModule';
import { EmptyState } from '../../ui/EmptyState';
import { ThreadSkeleton } from './ThreadSkeleton';

/**
 * The message list and everything an answer is drawn with (the virtualiser, the message rows,
 * the answer versions, the comparison cards): not needed by the window's first paint, which
 * shows a new chat. Fetched once start-up is on screen (the warm-up renders a sample with it),
 * or when a conversation opens first.
 */
export const conversationView = lazyModule(() => import('./MessageList'));

/**
 * The list once its code has arrived; the thread's skeleton (the same place) until then. Code
 * that did not arrive (the notice area offers a reload) is said in the list's place, with a
 * button to fetch it again; opening another conversation fetches it again too.
 */
export function LazyMessageList({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('common');
  const view = useLazyModule(conversationView);
  const failed = useSyncExternalStore(
    conversationView.subscribe,
    conversationView.failed,
    conversationView.failed,
  );
  useEffect(() => {
    if (conversationView.failed()) fetchAgain();
  }, [conversationId]);
  if (view) return <view.MessageList conversationId={conversationId} />;
  if (!failed) return <ThreadSkeleton />;
  return (
    <div className="thread-unavailable">
      <EmptyState
        role="alert"
        icon={<FileWarning size={24} />}
        title={t('renderError.view.title')}
        hint={t('renderError.view.hint')}
      >
        <button type="button" className="btn btn-secondary btn-sm" onClick={fetchAgain}>
          {t('renderError.retry')}
        </button>
      </EmptyState>
    </div>
  );
}

function fetchAgain(): void {
  // A failure is reported (chunkFailure) where the load fails.
  conversationView.load().catch(() => undefined);
}

/**
 * In an idle period after start-up: fetches the list's code and renders a sample conversation
 * with it, out of sight (./warmUpView), so the first conversation opened is drawn warm.
 */
export function warmUpConversationViewWhenIdle(i18n: I18n): void {
  void whenIdle(5_000)
    // Through conversationView, so the list's first real use finds its code in at once.
    .then(() => conversationView.load())
    .then(() => reported('warm-up', import('./warmUpView')))
    // A failure was reported where it happened (conversationView, or the warm-up's own chunk).
    .then(
      (m) => m.warmUpConversationView(i18n),
      () => undefined,
    );
}
