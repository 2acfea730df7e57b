/** Schedules `fn` after `ms`; returns a cancel function. Injected so tests drive time by hand. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

export const realSetTimer: SetTimer = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

export interface SleepOptions {
  /** Ends the wait early: the promise rejects with `abortError()` (default: the signal's reason). */
  signal?: AbortSignal;
  abortError?: () => unknown;
  setTimer?: SetTimer;
}

/** Waits `ms`, on the given timer, unless the signal aborts first. */
export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal, setTimer = realSetTimer } = options;
  const abortError = options.abortError ?? ((): unknown => signal?.reason);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = (): void => {
      cancel();
      reject(abortError());
    };
    const cancel = setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
