/** Schedules `fn` after `ms`; returns a cancel function. Injected so tests drive time by hand. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

export const realSetTimer: SetTimer = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

export function sleep(setTimer: SetTimer, ms: number): Promise<void> {
  return new Promise((resolve) => setTimer(resolve, ms));
}
