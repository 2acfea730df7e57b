/**
 * Items that arrive between two frames are handed over together at the start of the next one:
 * however many events come in a frame, the store changes (and React renders) once for them,
 * and no later than the frame that can show them. Without a visible frame loop (a hidden
 * window, or no requestAnimationFrame at all) each item is handed over at once; a frame that
 * does not come within FRAME_LATE_MS (a window the system stopped drawing) does not hold the
 * items back longer.
 */
const FRAME_LATE_MS = 100;

export function frameQueue<T>(deliver: (items: T[]) => void): {
  push(item: T): void;
  /** Hands over what is queued now (before an event that must follow it). */
  flush(): void;
} {
  let queued: T[] = [];
  let scheduled = false;
  let late: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    scheduled = false;
    clearTimeout(late);
    if (queued.length === 0) return;
    const items = queued;
    queued = [];
    deliver(items);
  };
  const framed = (): boolean =>
    typeof requestAnimationFrame === 'function' &&
    typeof document !== 'undefined' &&
    document.visibilityState === 'visible';
  return {
    push(item) {
      queued.push(item);
      if (!framed()) return flush();
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(flush);
      late = setTimeout(flush, FRAME_LATE_MS);
    },
    flush,
  };
}
