import { useEffect, useSyncExternalStore } from 'react';

/** A module fetched with import() on first use, then available synchronously to everyone. */
export interface LazyModule<M> {
  /** The module once it has arrived, else undefined. */
  current(): M | undefined;
  /** Starts the import (once) and resolves to the module. */
  load(): Promise<M>;
  subscribe(listener: () => void): () => void;
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
          // Allow a later attempt: a failed chunk request is usually transient.
          pending = undefined;
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
      module.load().catch((error: unknown) => console.warn('A renderer chunk did not load', error));
    }
  }, [module, value, load]);
  return value;
}
