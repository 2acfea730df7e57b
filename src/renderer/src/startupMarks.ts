import { useEffect } from 'react';

/**
 * Performance marks for the moments start-up is judged by, set once per page load just after
 * the frame that shows them (a message posted from requestAnimationFrame runs after that frame
 * is painted). bench/startup.bench.ts reads them with performance.getEntriesByName.
 */
export type StartupMark = 'fleece:sidebar-populated' | 'fleece:composer-usable';

const marked = new Set<StartupMark>();

export function useStartupMark(name: StartupMark, reached: boolean): void {
  useEffect(() => {
    if (!reached || marked.has(name) || typeof requestAnimationFrame !== 'function') return;
    marked.add(name);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark(name);
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    });
  }, [name, reached]);
}
