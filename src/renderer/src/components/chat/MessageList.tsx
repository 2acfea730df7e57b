import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { ArrowDown } from 'lucide-react';
import { Tooltip } from '../../ui/Tooltip';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { RawConversation, SafeMessageItem } from './MessageBoundary';
import { RenderBoundary } from '../RenderBoundary';
import { BoundedCache } from '../../boundedCache';
import { ContextCut, useContextCut } from './ContextMeter';
import { threadRows } from '../../store/chatReducers';
import { CompareGroup } from './compare/CompareGroup';
import { holdDecorationsUntilPaint } from '../../markdown/afterPaint';

const EMPTY: string[] = [];
// How close to the bottom still counts as "following" the answer.
const FOLLOW_SLACK_PX = 48;
// Rows rendered beyond the visible ones once the conversation is on screen.
const OVERSCAN = 6;
// A row never measured yet, before any of its role was (the first conversation of a session): a
// question of a line or two, an answer of a few paragraphs. Too small an estimate renders about
// twice the rows the first frame needs, each parsed and laid out for nothing.
const FIRST_ESTIMATES: Readonly<Record<string, number>> = { user: 80, assistant: 320 };
const ESTIMATE_PX = 140;
/**
 * The height each message's row had when last shown, by message id, across conversations: a
 * conversation opened again is laid out at its true size at once, with nothing to measure.
 * Numbers only; 5,000 of them take a few hundred kilobytes.
 */
const rowSizes = new BoundedCache<string, number>(5_000);

/**
 * The mean measured height of rows by the role of their message: a row never shown is estimated
 * at its role's mean (a question is short, an answer with code and a table is tall), so the
 * first render of a conversation holds about the rows that fit, not several more that are
 * built, measured and dropped before the frame is painted.
 */
const roleSizes = new Map<string, { sum: number; count: number }>();
const ROLE_SAMPLES = 200;

/**
 * The height the last list had on screen: the next one opened renders the rows that fit it,
 * not those that fit the whole window (a row or two more, built and dropped before the paint).
 */
let shownHeight = 0;

function noteSize(role: string | undefined, size: number): void {
  if (!role) return;
  const mean = roleSizes.get(role) ?? { sum: 0, count: 0 };
  // A running window: past ROLE_SAMPLES rows the older ones weigh less.
  if (mean.count >= ROLE_SAMPLES) {
    mean.sum -= mean.sum / mean.count;
    mean.count -= 1;
  }
  mean.sum += size;
  mean.count += 1;
  roleSizes.set(role, mean);
}

/**
 * The estimates by role as they stand when a list mounts. The list keeps them while it lives:
 * sizes it measures teach the next conversation opened, not this one, whose rows never
 * measured must keep the estimates its scroll position was computed with (re-estimating them
 * at once moved the view into the middle of a long conversation and rendered rows there).
 */
function roleEstimates(): ReadonlyMap<string, number> {
  return new Map([...roleSizes].map(([role, mean]) => [role, Math.round(mean.sum / mean.count)]));
}

function estimateFor(estimates: ReadonlyMap<string, number>, role: string | undefined): number {
  if (role === undefined) return ESTIMATE_PX;
  return estimates.get(role) ?? FIRST_ESTIMATES[role] ?? ESTIMATE_PX;
}

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
      {/* A list of its own per conversation: it mounts at the end of that conversation. */}
      <MessageListView key={conversationId} conversationId={conversationId} />
    </RenderBoundary>
  );
}

function holdOnMount(): null {
  holdDecorationsUntilPaint();
  return null;
}

function MessageListView({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const threadIds = useAppStore((s) => s.chat.threads[conversationId]?.ids ?? EMPTY);
  // Changes only when a comparison starts, is loaded or kept: never on a delta.
  const comparisons = useAppStore((s) => s.chat.comparisons);
  // One row per message, except the answers of a pending comparison, which share one row.
  const rows = useMemo(
    () => threadRows(threadIds, comparisons, conversationId),
    [threadIds, comparisons, conversationId],
  );
  const ids = useMemo(() => rows.map((r) => r.key), [rows]);
  const hasMore = useAppStore((s) => s.chat.threads[conversationId]?.hasMore ?? false);
  const focusId = useAppStore((s) => s.focusMessageId);
  const cutId = useContextCut(conversationId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  // Where the last scroll event left the view: a scroll is the reader's only when it moved up.
  const lastTop = useRef(0);
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
  // The conversation's first frame shows its text; highlighting and math follow that paint.
  useState(holdOnMount);

  const scrollToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight > 1) el.scrollTop = el.scrollHeight;
  }, []);
  // The scroll element starts at its end (before the virtualizer first reads its position), so
  // the first render already holds the last messages and no scroll-to-end pass follows.
  const attachScroll = useCallback(
    (el: HTMLDivElement | null) => {
      scrollRef.current = el;
      if (el) scrollToBottom();
    },
    [scrollToBottom],
  );

  // The first frame of a conversation holds what fits on screen (and one more row); the rows
  // around it are rendered once that frame has been painted.
  const [overscan, setOverscan] = useState(1);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setOverscan(OVERSCAN), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);

  const [estimates] = useState(roleEstimates);
  const roleOf = (id: string | undefined): string | undefined =>
    id === undefined ? undefined : store.getState().chat.messages[id]?.role;
  const sizeOf = (index: number): number => {
    const id = ids[index];
    return (id === undefined ? undefined : rowSizes.peek(id)) ?? estimateFor(estimates, roleOf(id));
  };
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns unmemoisable functions; this list does not rely on the compiler's memoisation.
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: sizeOf,
    overscan,
    getItemKey: (index) => ids[index] ?? index,
    // Opened at the end: the first render is of the last messages, in a viewport of the last
    // list's height (the window's for the first) until the element is measured.
    initialOffset: () => {
      let total = 0;
      for (let i = 0; i < ids.length; i++) total += sizeOf(i);
      return total;
    },
    initialRect: {
      width: 0,
      height: shownHeight || (typeof window === 'undefined' ? 0 : window.innerHeight),
    },
    // A row that grows (a streaming answer, a comparison's columns) moves the rows and the list's
    // height straight in the DOM, in the frame that measured it, and the view follows there:
    // no render of the whole list and no second layout in a task of its own per frame. The list
    // renders again only when the range of rows shown changes. Rows are placed with `top`.
    directDomUpdates: true,
    directDomUpdatesMode: 'position',
    onChange: () => {
      if (following.current) scrollToBottom();
    },
    // A row's size comes from the ResizeObserver (after layout, no forced layout), from its
    // last showing, or from the measuring pass below; never from a layout read per row as
    // each mounts, which made the browser lay the list out again for every row.
    measureElement: (element, entry, instance) => {
      const index = instance.indexFromElement(element);
      const id = ids[index];
      const box = entry?.borderBoxSize[0];
      if (box) {
        const size = Math.round(box.blockSize);
        if (id !== undefined && size > 0) rowSizes.set(id, size);
        return size;
      }
      const known = id === undefined ? undefined : rowSizes.peek(id);
      return known ?? instance.itemSizeCache.get(id ?? index) ?? estimateFor(estimates, roleOf(id));
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

  // The list itself got shorter or taller (a window made smaller, a composer growing with a long
  // message): the view that was at the end stays there rather than keeping its top.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let height = -1;
    const observer = new ResizeObserver(([entry]) => {
      const next = entry?.contentRect.height ?? 0;
      if (next === height) return;
      height = next;
      if (following.current) scrollToBottom();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [scrollToBottom]);

  // Opening a conversation starts at its end.
  useLayoutEffect(() => {
    following.current = true;
    setShowJump(false);
    markNewBelow(false);
  }, [conversationId, markNewBelow]);

  // After every commit: rows shown for the first time are measured together (one layout for
  // all of them, read before anything is written), then, while following, the view is kept at
  // the end. A size set here re-renders before the frame is painted.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const fresh: [number, string, HTMLElement][] = [];
    for (const row of el.querySelectorAll<HTMLElement>('.message-row[data-index]')) {
      const index = Number(row.dataset.index);
      const id = ids[index];
      if (id !== undefined && rowSizes.peek(id) === undefined) fresh.push([index, id, row]);
    }
    const sizes = fresh.map(([, , row]) => row.offsetHeight);
    fresh.forEach(([index, id], i) => {
      const size = sizes[i] ?? 0;
      if (size <= 0) return;
      rowSizes.set(id, size);
      noteSize(roleOf(id), size);
      virtualizer.resizeItem(index, size);
    });
    if (following.current) scrollToBottom();
    // Read from the virtualizer's own observer: no layout here.
    shownHeight = virtualizer.scrollRect?.height || shownHeight;
  });

  // Jump to a search result.
  useEffect(() => {
    if (!focusId) return;
    // A compared answer is found in its comparison's row.
    const owner = Object.values(comparisons).find((c) => c.answerIds.includes(focusId));
    const index = owner
      ? rows.findIndex((r) => r.comparisonId === owner.id)
      : rows.findIndex((r) => r.id === focusId && r.comparisonId === null);
    if (index < 0) return;
    following.current = false;
    virtualizer.scrollToIndex(index, { align: 'center' });
    const timer = setTimeout(() => store.getState().ui.focusMessage(null), 2500);
    return () => clearTimeout(timer);
  }, [focusId, rows, comparisons, virtualizer, store]);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el) return;
    const top = el.scrollTop;
    const atBottom = el.scrollHeight - top - el.clientHeight < FOLLOW_SLACK_PX;
    const movedUp = top < lastTop.current - 1;
    lastTop.current = top;
    // Only a move up leaves the end. The view's own scrolls go down, and the event for one can
    // come after more text arrived (a fast stream adds several lines a frame): that view is
    // still following, and the next scroll to the end catches up.
    if (atBottom) following.current = true;
    else if (movedUp) following.current = false;
    setShowJump(!following.current);
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
        ref={attachScroll}
        onScroll={onScroll}
        role="log"
        aria-label={t('list.label')}
        aria-live="off"
        tabIndex={0}
      >
        <div
          className="message-list-inner"
          ref={virtualizer.containerRef}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const { id } = row;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={`message-row${id === focusId ? ' message-row-focus' : ''}${row.comparisonId ? ' message-row-compare' : ''}`}
              >
                {id === cutId ? <ContextCut /> : null}
                {row.comparisonId ? (
                  <CompareGroup comparisonId={row.comparisonId} />
                ) : (
                  <SafeMessageItem id={id} isLast={item.index === ids.length - 1} />
                )}
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
