import { useEffect, useSyncExternalStore } from 'react';

/** A module fetched with import() on first use, then available synchronously to everyone. */
export interface LazyModule<M> {
  /** The module once it has arrived, else undefined. */
  current(): M | undefined;
  /** Starts the import (once) and resolves to the module. */
  load(): Promise<M>;
  subscribe(listener: () => void): () => void;
}

/**
 * Whether a part of the window's own code (a chunk, a language's catalog) failed to load this
 * run: the notice area says so and offers to reload. The failures are kept here, outside the
 * store, because the chunks are asked for from everywhere (a hover, an idle warm-up, a render).
 */
let chunkFailed = false;
const failureListeners = new Set<() => void>();
const setChunkFailed = (failed: boolean): void => {
  if (chunkFailed === failed) return;
  chunkFailed = failed;
  for (const listener of failureListeners) listener();
};
export const chunkFailure = {
  failed: (): boolean => chunkFailed,
  report(error: unknown): void {
    console.warn('A part of the window did not load', error);
    setChunkFailed(true);
  },
  dismiss: (): void => setChunkFailed(false),
  subscribe(listener: () => void): () => void {
    failureListeners.add(listener);
    return () => failureListeners.delete(listener);
  },
};

/** An import() whose failure is reported (for React.lazy's screens). */
export function reported<M>(loading: Promise<M>): Promise<M> {
  return loading.catch((error: unknown) => {
    chunkFailure.report(error);
    throw error;
  });
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let value: M | undefined;
  let pending: Promise<M> | undefined;
  const listeners = new Set<() => void>();
  return {
    current: () => value,
    load() {
      pending ??= importer().then(
        (module) => {
          value = module;
          for (const listener of listeners) listener();
          return module;
        },
        (error: unknown) => {
          // Allow a later attempt (a reload, or the next use).
          pending = undefined;
          chunkFailure.report(error);
          throw error;
        },
      );
      return pending;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The module if it has arrived; otherwise undefined, and the component renders again when it
 * does. The caller shows a same-size placeholder meanwhile. With `load` false the hook only
 * waits: something else asks for the module (a click, a preload after the first paint).
 */
export function useLazyModule<M>(module: LazyModule<M>, load = true): M | undefined {
  const value = useSyncExternalStore(module.subscribe, module.current, module.current);
  useEffect(() => {
    if (load && value === undefined) {
      // A failure is reported (chunkFailure) where the load fails.
      module.load().catch(() => undefined);
    }
  }, [module, value, load]);
  return value;
}
