import { useEffect } from 'react';
import { queryPhrases } from '../../../../shared/rules/searchMatch';
import { useAppStore } from '../../store/StoreContext';
import { phraseRangesIn } from './messageHighlight';
import './search.css';

/** The CSS Custom Highlight name styled in search.css. */
export const SEARCH_HIGHLIGHT = 'fleece-search';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

function registry(): HighlightRegistry | null {
  const css = globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
}

/**
 * Highlights the searched words inside the message opened from a search result, through the
 * CSS Custom Highlight API: the message's DOM (owned by React and the Markdown renderer) is
 * never changed. Re-applied when the list re-renders or virtualisation remounts the message;
 * removed on a new search or when the user leaves the conversation. Mounted once.
 */
export function MessageHighlighter() {
  const target = useAppStore((s) =>
    s.searchHighlight && s.activeConversationId === s.searchHighlight.conversationId
      ? s.searchHighlight
      : null,
  );
  const onChat = useAppStore((s) => s.view === 'chat');
  useEffect(() => {
    const highlights = registry();
    if (!highlights || !target || !onChat) return;
    const phrases = queryPhrases(target.query);
    let frame = 0;
    let scrolled = false;
    const apply = (): void => {
      frame = 0;
      const el = document.querySelector(`[data-message-id="${CSS.escape(target.messageId)}"]`);
      const root = el?.querySelector('.message-body') ?? el;
      const ranges = root ? phraseRangesIn(root, phrases) : [];
      if (ranges.length === 0) {
        highlights.delete(SEARCH_HIGHLIGHT);
        return;
      }
      highlights.set(SEARCH_HIGHLIGHT, new Highlight(...ranges));
      if (!scrolled) {
        scrolled = true;
        revealFirst(ranges[0]);
      }
    };
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(apply);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.querySelector('main') ?? document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    schedule();
    return () => {
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      highlights.delete(SEARCH_HIGHLIGHT);
    };
  }, [target, onChat]);
  return null;
}

/** In a long answer the first match may lie outside the view: bring it into view once. */
function revealFirst(range: Range | undefined): void {
  const el = range?.startContainer.parentElement;
  const list = el?.closest('[role="log"]');
  if (!range || !el || !list) return;
  const rect = range.getBoundingClientRect();
  const view = list.getBoundingClientRect();
  if (rect.top < view.top || rect.bottom > view.bottom) el.scrollIntoView({ block: 'center' });
}
