import { startTransition, useEffect, useState } from 'react';
import { onNextFrame } from '../../afterFirstPaint';

// A conversation row is at least this tall (app.css, .conversation-open): the first paint needs
// no more rows than the list's part of the window holds, and a couple more.
const ROW_MIN_HEIGHT = 34;
const MAX_FIRST_ROWS = 40;
// The sidebar above and below the list (app.css): the header and New chat with search take
// 140 px, the footer's four entries 159 px. Counted short, so the first rows always fill the list.
const SIDEBAR_CHROME_MIN = 260;

export function firstRows(windowHeight: number): number {
  if (!(windowHeight > 0)) return MAX_FIRST_ROWS;
  const listHeight = Math.max(0, windowHeight - SIDEBAR_CHROME_MIN);
  return Math.min(MAX_FIRST_ROWS, Math.ceil(listHeight / ROW_MIN_HEIGHT) + 2);
}

/**
 * At start-up the sidebar gets a page of 100 conversations; rendering every row before the first
 * paint delays the whole window. The groups are cut to the rows the window can show for that
 * paint, and the full list renders right after it as a transition (interruptible by input).
 * `complete` is false until then: the first rows may also leave their menus and tooltips for
 * that second render.
 */
export function usePaintFirst<G extends { items: unknown[] }>(
  groups: G[],
): { groups: G[]; complete: boolean } {
  const [complete, setComplete] = useState(false);
  const [limit] = useState(() => firstRows(typeof window === 'undefined' ? 0 : window.innerHeight));
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const waiting = !complete && total > 0;
  useEffect(() => {
    if (!waiting) return;
    // After the frame that shows the first rows.
    return onNextFrame(() => startTransition(() => setComplete(true)));
  }, [waiting]);
  if (!waiting || total <= limit) return { groups, complete: !waiting };
  let left = limit;
  const shown: typeof groups = [];
  for (const g of groups) {
    if (left <= 0) break;
    shown.push({ ...g, items: g.items.slice(0, left) });
    left -= g.items.length;
  }
  return { groups: shown, complete: false };
}
