import { useEffect } from 'react';

/**
 * Performance marks for the moments start-up is judged by, set once per page load at the start
 * of the frame after the one that shows them (at most one frame late, never early).
 * bench/startup.bench.ts reads them with performance.getEntriesByName.
 */
export type StartupMark = 'fleece:sidebar-populated' | 'fleece:composer-usable';

/**
 * The steps between, marked when they happen (not at paint): the app's script has run, the
 * start-up data has arrived. They let the benchmark say where the time goes.
 */
export type StartupStep = 'fleece:script-start' | 'fleece:data-ready';

export function markStep(name: StartupStep): void {
  if (typeof performance.mark === 'function' && performance.getEntriesByName(name).length === 0)
    performance.mark(name);
}

const marked = new Set<StartupMark>();

export function useStartupMark(name: StartupMark, reached: boolean): void {
  useEffect(() => {
    // jsdom (unit tests) has neither a frame loop worth measuring nor performance.mark.
    const measurable =
      typeof requestAnimationFrame === 'function' && typeof performance.mark === 'function';
    if (!reached || marked.has(name) || !measurable) return;
    marked.add(name);
    // The next frame's callback runs once the frame that shows the change has been painted.
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(name)));
  }, [name, reached]);
}
