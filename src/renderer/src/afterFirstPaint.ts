import { startTransition, useEffect, useState } from 'react';

/**
 * False for the render that draws the window, true right after the frame that shows it: for parts
 * with nothing on screen at start (the toasts' viewport), mounted after the first paint instead
 * of delaying it. The update is a transition, so input arriving meanwhile comes first.
 */
export function useAfterFirstPaint(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (after) return;
    return onNextFrame(() => startTransition(() => setAfter(true)));
  }, [after]);
  return after;
}

/**
 * Runs `work` at the start of the next frame, so after the frame being drawn now is painted (in a
 * test's DOM, which has no frame loop, a task later); returns a cancel.
 */
export function onNextFrame(work: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => work());
  return () => cancelAnimationFrame(frame);
}

/**
 * Runs `work` after the next frame is painted (in a test's DOM, a task later); returns a cancel.
 * For effects that only ask main for something not on screen yet (a model list, the prompts),
 * so the request and what it sets off do not delay the frame that shows the window.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  // A frame callback runs just before that frame's paint; a task posted from it runs after.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Resolves in the next idle period (at the latest after `timeoutMs`; in a test's DOM, a task
 * later): for fetching and warming what the window may need soon but not in its next frames.
 */
export function whenIdle(timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}
