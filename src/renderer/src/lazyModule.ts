import { useEffect, useSyncExternalStore } from 'react';

/** A module fetched with import() on first use, then available synchronously to everyone. */
export interface LazyModule<M> {
  /** The module once it has arrived, else undefined. */
  current(): M | undefined;
  /** Whether the last import failed (until the next one starts). */
  failed(): boolean;
  /** Starts the import (once) and resolves to the module. */
  load(): Promise<M>;
  subscribe(listener: () => void): () => void;
}

/**
 * Whether a part of the window's own code (a chunk, a language's catalog) failed to load and has
 * not loaded since: the notice area says so and offers to reload. Kept here, outside the store,
 * because the chunks are asked for from everywhere (a hover, an idle warm-up, a render). A part
 * is known by whatever the caller names it with (the module, the screen, the catalog's language).
 */
const failedParts = new Set<unknown>();
let dismissed = false;
let shown = false;
const failureListeners = new Set<() => void>();
const update = (): void => {
  const next = failedParts.size > 0 && !dismissed;
  if (next === shown) return;
  shown = next;
  for (const listener of failureListeners) listener();
};
export const chunkFailure = {
  failed: (): boolean => shown,
  report(part: unknown, error: unknown): void {
    console.warn('A part of the window did not load', error);
    failedParts.add(part);
    dismissed = false;
    update();
  },
  /** The part loaded after all (a later try): the notice goes once no part is missing. */
  recovered(part: unknown): void {
    failedParts.delete(part);
    update();
  },
  dismiss(): void {
    dismissed = true;
    update();
  },
  subscribe(listener: () => void): () => void {
    failureListeners.add(listener);
    return () => failureListeners.delete(listener);
  },
};

/** An import() whose failure is reported as `part`'s, and its later success as its recovery. */
export function reported<M>(part: unknown, loading: Promise<M>): Promise<M> {
  return loading.then(
    (module) => {
      chunkFailure.recovered(part);
      return module;
    },
    (error: unknown) => {
      chunkFailure.report(part, error);
      throw error;
    },
  );
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let value: M | undefined;
  let pending: Promise<M> | undefined;
  let failed = false;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of listeners) listener();
  };
  const self: LazyModule<M> = {
    current: () => value,
    failed: () => failed,
    load() {
      if (pending) return pending;
      pending = reported(self, importer()).then(
        (module) => {
          value = module;
          notify();
          return module;
        },
        (error: unknown) => {
          // Allow a later attempt (a reload, or the next use).
          pending = undefined;
          failed = true;
          notify();
          throw error;
        },
      );
      if (failed) {
        failed = false;
        notify();
      }
      return pending;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return self;
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
