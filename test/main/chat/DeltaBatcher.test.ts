import { describe, expect, it } from 'vitest';
import { DELTA_INTERVAL_MS, DeltaBatcher } from '../../../src/main/chat/DeltaBatcher';
import type { SetTimer } from '../../../src/shared/sleep';

/** A batcher on a hand-driven clock; `epoch` is what main's wall clock reads. */
function setup() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const setTimer: SetTimer = (fn, ms) => {
    const t = { at: now + ms, fn };
    timers.push(t);
    return () => timers.splice(timers.indexOf(t), 1);
  };
  const sent: { seq: number; content: string; receivedAt: number }[] = [];
  const batcher = new DeltaBatcher(
    (seq, content, _reasoning, receivedAt) => sent.push({ seq, content, receivedAt }),
    () => now,
    setTimer,
    () => 1_700_000_000_000 + now,
  );
  const advance = (ms: number): void => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { batcher, sent, advance };
}

describe('DeltaBatcher receivedAt', () => {
  it('stamps each event with the arrival of its oldest text, not the time it was sent', () => {
    const { batcher, sent, advance } = setup();
    batcher.push('Hel', '');
    expect(sent).toEqual([{ seq: 1, content: 'Hel', receivedAt: 1_700_000_000_000 }]);
    // Both within the interval after the first event: sent together, stamped with the older.
    const step = DELTA_INTERVAL_MS / 4;
    advance(step);
    batcher.push('lo', '');
    advance(step);
    batcher.push(' world', '');
    expect(sent).toHaveLength(1);
    advance(DELTA_INTERVAL_MS);
    expect(sent[1]).toEqual({ seq: 2, content: 'lo world', receivedAt: 1_700_000_000_000 + step });
    advance(40);
    batcher.push('!', '');
    const at = 2 * step + DELTA_INTERVAL_MS + 40;
    expect(sent[2]).toEqual({ seq: 3, content: '!', receivedAt: 1_700_000_000_000 + at });
  });
});
