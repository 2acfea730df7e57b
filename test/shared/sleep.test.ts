import { describe, expect, it } from 'vitest';
import { sleep, type SetTimer } from '../../src/shared/sleep';

describe('sleep', () => {
  it('waits on the timer it is given', async () => {
    const pending: (() => void)[] = [];
    const setTimer: SetTimer = (fn) => {
      pending.push(fn);
      return () => undefined;
    };
    let woke = false;
    const done = sleep(500, { setTimer }).then(() => (woke = true));
    await Promise.resolve();
    expect(woke).toBe(false);
    pending[0]?.();
    await done;
    expect(woke).toBe(true);
  });

  it('ends early with the abort error, and cancels its timer', async () => {
    let cancelled = false;
    const setTimer: SetTimer = () => () => (cancelled = true);
    const controller = new AbortController();
    const slept = sleep(10_000, {
      signal: controller.signal,
      setTimer,
      abortError: () => new Error('stopped'),
    });
    controller.abort();
    await expect(slept).rejects.toThrow('stopped');
    expect(cancelled).toBe(true);
    await expect(sleep(1, { signal: controller.signal })).rejects.toBeDefined();
  });
});
