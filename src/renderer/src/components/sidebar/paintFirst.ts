import { startTransition, useEffect, useState } from 'react';

// More rows than a tall window shows; the rest follow in the next frame.
const FIRST_ROWS = 40;

/**
 * At start-up the sidebar gets a page of 100 conversations; rendering every row before the first
 * paint delays the whole window. The groups are cut to their first FIRST_ROWS rows for that
 * paint, and the full list renders right after it as a transition (interruptible by input).
 */
export function usePaintFirst<G extends { items: unknown[] }>(groups: G[]): G[] {
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const [complete, setComplete] = useState(false);
  const cut = !complete && total > FIRST_ROWS;
  useEffect(() => {
    if (!cut) return;
    const frame = requestAnimationFrame(() => startTransition(() => setComplete(true)));
    return () => cancelAnimationFrame(frame);
  }, [cut]);
  if (!cut) return groups;
  let left = FIRST_ROWS;
  const shown: typeof groups = [];
  for (const g of groups) {
    if (left <= 0) break;
    shown.push({ ...g, items: g.items.slice(0, left) });
    left -= g.items.length;
  }
  return shown;
}
