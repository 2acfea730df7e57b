import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { ArrowDown } from 'lucide-react';
import { Tooltip } from '../../ui/Tooltip';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { RawConversation, SafeMessageItem } from './MessageBoundary';
import { RenderBoundary } from '../RenderBoundary';

const EMPTY: string[] = [];
// How close to the bottom still counts as "following" the answer.
const FOLLOW_SLACK_PX = 48;

/**
 * The conversation, virtualised: only the visible messages (plus a few) are in the DOM, so a
 * conversation of thousands of messages opens and scrolls smoothly. While an answer streams the
 * view follows it, unless the user scrolled up; then "Jump to latest" appears.
 */
export function MessageList({ conversationId }: { conversationId: string }) {
  return (
    <RenderBoundary
      where="message list"
      resetKey={conversationId}
      fallback={(_error, retry) => (
        <RawConversation conversationId={conversationId} retry={retry} />
      )}
    >
      <MessageListView conversationId={conversationId} />
    </RenderBoundary>
  );
}

function MessageListView({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const ids = useAppStore((s) => s.chat.threads[conversationId]?.ids ?? EMPTY);
  const hasMore = useAppStore((s) => s.chat.threads[conversationId]?.hasMore ?? false);
  const focusId = useAppStore((s) => s.focusMessageId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [showJump, setShowJump] = useState(false);
  // Text arrived below while the user reads above: the jump button says so.
  const [newBelow, setNewBelow] = useState(false);
  const newBelowRef = useRef(false);
  const markNewBelow = useCallback((value: boolean) => {
    if (newBelowRef.current === value) return;
    newBelowRef.current = value;
    setNewBelow(value);
  }, []);
  const loadingOlder = useRef(false);

  const scrollToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns unmemoisable functions; this list does not rely on the compiler's memoisation.
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => ids[index] ?? index,
    onChange: () => {
      if (following.current) requestAnimationFrame(scrollToBottom);
    },
  });

  // One cheap comparison per store update; a state change only when the flag flips.
  useEffect(() => {
    let last = '';
    let length = -1;
    return store.subscribe((s) => {
      const lastIds = s.chat.threads[conversationId]?.ids;
      const id = lastIds?.[lastIds.length - 1] ?? '';
      const size = s.chat.messages[id]?.content.length ?? 0;
      if (id === last && size === length) return;
      const grew = length >= 0;
      last = id;
      length = size;
      if (grew && !following.current) markNewBelow(true);
    });
  }, [store, conversationId, markNewBelow]);

  // Opening a conversation starts at its end.
  useLayoutEffect(() => {
    following.current = true;
    setShowJump(false);
    markNewBelow(false);
    if (ids.length > 0) virtualizer.scrollToIndex(ids.length - 1, { align: 'end' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversationId]);

  // A new message (sent or arriving) scrolls to it when following.
  useEffect(() => {
    if (following.current && ids.length > 0)
      virtualizer.scrollToIndex(ids.length - 1, { align: 'end' });
  }, [ids.length, virtualizer]);

  // Jump to a search result.
  useEffect(() => {
    if (!focusId) return;
    const index = ids.indexOf(focusId);
    if (index < 0) return;
    following.current = false;
    virtualizer.scrollToIndex(index, { align: 'center' });
    const timer = setTimeout(() => store.getState().ui.focusMessage(null), 2500);
    return () => clearTimeout(timer);
  }, [focusId, ids, virtualizer, store]);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK_PX;
    following.current = atBottom;
    setShowJump(!atBottom);
    if (atBottom) markNewBelow(false);
    if (el.scrollTop < 400 && hasMore && !loadingOlder.current) {
      loadingOlder.current = true;
      void store
        .getState()
        .chatActions.loadOlder(conversationId)
        .finally(() => {
          loadingOlder.current = false;
        });
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="message-list-wrap">
      <div
        className="message-list"
        ref={scrollRef}
        onScroll={onScroll}
        role="log"
        aria-label={t('list.label')}
        aria-live="off"
        tabIndex={0}
      >
        <div className="message-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const id = ids[item.index];
            if (!id) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={`message-row${id === focusId ? ' message-row-focus' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <SafeMessageItem id={id} isLast={item.index === ids.length - 1} />
              </div>
            );
          })}
        </div>
      </div>
      {showJump ? (
        <Tooltip label={newBelow ? t('list.newBelow') : t('list.jumpToLatest')} side="top">
          <button
            type="button"
            className={`jump-latest${newBelow ? ' jump-latest-new' : ''}`}
            aria-label={t('list.jumpToLatest')}
            onClick={() => {
              following.current = true;
              setShowJump(false);
              markNewBelow(false);
              virtualizer.scrollToIndex(ids.length - 1, { align: 'end' });
              requestAnimationFrame(scrollToBottom);
            }}
          >
            <ArrowDown size={18} aria-hidden="true" />
            {newBelow ? <span className="jump-latest-dot" aria-hidden="true" /> : null}
          </button>
        </Tooltip>
      ) : null}
    </div>
  );
}
