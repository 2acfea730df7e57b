import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_REPORT_EVERY_MS, frameClock } from '../../../src/renderer/src/store/frameClock';
import { connectEvents, createAppStore } from '../../../src/renderer/src/store';
import { createFakeClient } from '../fakeClient';

/** requestAnimationFrame by hand: `frame(t)` runs the callbacks waiting, with t as the timestamp. */
function fakeFrames() {
  let waiting: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => waiting.push(cb));
  return {
    frame(t: number) {
      const run = waiting;
      waiting = [];
      for (const cb of run) cb(t);
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/** A frameClock on a clock the test sets, and the reports it made. */
function clockWithReports() {
  const time = { now: 0 };
  const reports: [number, number][] = [];
  const clock = frameClock(
    (at, interval) => reports.push([at, interval]),
    () => time.now,
  );
  return { clock, reports, time };
}

describe('frameClock', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('times a few frames when text comes and reports the last one and their median spacing', () => {
    const frames = fakeFrames();
    const { clock, reports } = clockWithReports();
    clock.onText();
    clock.onText(); // one timing at a time
    expect(frames.waiting).toBe(1);
    // Six frames, one of them late (the fourth gap 20 ms): the median spacing is still 16.
    for (const t of [100, 116, 132, 148, 168, 184]) frames.frame(t);
    expect(frames.waiting).toBe(0);
    expect(reports).toEqual([[performance.timeOrigin + 184, 16]]);
  });

  it('reports at most every so often while text keeps coming', () => {
    const frames = fakeFrames();
    const { clock, reports, time } = clockWithReports();
    clock.onText();
    for (let i = 0; i < 6; i++) frames.frame(i * 16);
    time.now = FRAME_REPORT_EVERY_MS - 1;
    clock.onText();
    expect(frames.waiting).toBe(0);
    time.now = FRAME_REPORT_EVERY_MS;
    clock.onText();
    for (let i = 0; i < 6; i++) frames.frame(1000 + i * 16);
    expect(reports.map(([, interval]) => interval)).toEqual([16, 16]);
  });

  it('reports nothing from a hidden window, nor spacing no display has', () => {
    const frames = fakeFrames();
    const { clock, reports } = clockWithReports();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    clock.onText();
    expect(frames.waiting).toBe(0);
    visibility.mockReturnValue('visible');
    clock.onText();
    // Frames 1 ms apart (timestamps a test or a broken clock might give): not reported.
    for (let i = 0; i < 6; i++) frames.frame(i);
    expect(reports).toEqual([]);
  });

  it('gives up a timing whose frames stopped coming and starts again', () => {
    const frames = fakeFrames();
    const { clock, reports, time } = clockWithReports();
    clock.onText();
    frames.frame(0);
    frames.frame(16);
    // The window was hidden: no more frames for a while, then text again.
    time.now = 5000;
    clock.onText();
    for (let i = 0; i < 6; i++) frames.frame(5000 + i * 8);
    expect(reports).toEqual([[performance.timeOrigin + 5040, 8]]);
  });

  it("is how the window's store tells main of its frames as an answer's text comes in", () => {
    const frames = fakeFrames();
    const fake = createFakeClient({ 'chat.frameClock': () => null });
    const store = createAppStore(fake.client);
    const off = connectEvents(store, fake.client);
    fake.emit('chat.deltas', [
      {
        conversationId: 'c1',
        messageId: 'm1',
        seq: 1,
        content: 'Hi',
        reasoning: '',
        receivedAt: performance.timeOrigin,
      },
    ]);
    for (let i = 0; i < 6; i++) frames.frame(i * (1000 / 60));
    off();
    expect(fake.calls.filter((c) => c.route === 'chat.frameClock')).toEqual([
      {
        route: 'chat.frameClock',
        input: { at: performance.timeOrigin + 5 * (1000 / 60), interval: 1000 / 60 },
      },
    ]);
  });
});
