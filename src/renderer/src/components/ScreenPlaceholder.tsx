import {
  lazy,
  Suspense,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import { reported } from '../lazyModule';

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

/** Screens whose fetch failed: each renews its lazy component when asked to try again. */
const failedScreens = new Set<() => void>();

/** The next render of a screen whose fetch failed fetches it again (a screen's "Try again"). */
export function retryFailedScreens(): void {
  for (const renew of failedScreens) renew();
  failedScreens.clear();
}

/**
 * A screen's component fetched on first visit. A fetch that failed (reported: the notice area
 * offers a reload) stays failed until retryFailedScreens: React.lazy alone would keep the failure
 * for the rest of the run, and fetching again at every render would retry without end.
 */
export function lazyScreen(importer: () => Promise<ComponentType>): ComponentType {
  const make = (): LazyExoticComponent<ComponentType> =>
    lazy(() =>
      reported(importer, importer()).then(
        (component) => ({ default: component }),
        (error: unknown) => {
          failedScreens.add(() => {
            current = make();
          });
          throw error;
        },
      ),
    );
  let current = make();
  return function Screen() {
    const Current = current;
    return <Current />;
  };
}
