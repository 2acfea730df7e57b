import { Suspense, type ReactNode } from 'react';

/**
 * A screen whose code loads on first visit: while its chunk arrives (a few milliseconds from
 * disk) the main area keeps its size and stays empty and busy, so nothing jumps or flashes.
 */
export function ScreenPlaceholder({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<div className="screen-loading" role="status" aria-busy="true" />}>
      {children}
    </Suspense>
  );
}
