import { describe, expect, it } from 'vitest';
import { FRAME_CLOCK_FRESH_MS, FrameClock } from '../../../src/main/chat/FrameClock';
import { FakeClock } from './fakeClock';

const EPOCH = 1_700_000_000_000;

function clockAt(c: FakeClock): FrameClock {
  return new FrameClock(() => EPOCH + c.now());
}

describe('FrameClock', () => {
  it('knows no frame before the window reports one', () => {
    const c = new FakeClock();
    expect(clockAt(c).untilNextFrame()).toBeNull();
  });

  it('counts the next frame on from the one reported', () => {
    const c = new FakeClock();
    const frames = clockAt(c);
    frames.report(EPOCH - 5, 16);
    // Frames began at −5 and 11 (ms from now): the next, at 11.
    expect(frames.untilNextFrame()).toBeCloseTo(11, 3);
    c.advance(11);
    // Exactly on a frame's beginning: the one after it is next.
    expect(frames.untilNextFrame()).toBeCloseTo(16, 3);
    c.advance(100);
    expect(frames.untilNextFrame()).toBeCloseTo(12, 3);
  });

  it('forgets a report once the window stops reporting', () => {
    const c = new FakeClock();
    const frames = clockAt(c);
    frames.report(EPOCH, 16);
    c.advance(FRAME_CLOCK_FRESH_MS);
    expect(frames.untilNextFrame()).not.toBeNull();
    c.advance(1);
    expect(frames.untilNextFrame()).toBeNull();
    // A frame 187 frames on from the first: reported anew, counted on from it.
    frames.report(EPOCH + 187 * 16, 16);
    expect(frames.untilNextFrame()).toBeCloseTo(7, 3);
  });

  it('takes the interval from two reports a whole number of frames apart', () => {
    const c = new FakeClock();
    const frames = clockAt(c);
    const interval = 1000 / 60;
    frames.report(EPOCH, 16.6);
    c.advance(500);
    // 30 frames later, measured roughly again (16.7): the span between says 16.667 ms a frame.
    frames.report(EPOCH + 30 * interval, 16.7);
    // 60.5 frames on from the second report: half a frame to the next (16.7 would say 10.4 ms).
    c.advance(60.5 * interval);
    expect(frames.untilNextFrame()).toBeCloseTo(interval / 2, 3);
  });

  it('keeps the interval measured when two reports are too close to pin it down', () => {
    const c = new FakeClock();
    const frames = clockAt(c);
    frames.report(EPOCH, 1000 / 60);
    c.advance(40);
    // 40 ms is 2.4 frames: the span says nothing reliable (20 ms a frame), the report stands.
    frames.report(EPOCH + 40, 1000 / 60);
    expect(frames.untilNextFrame()).toBeCloseTo(1000 / 60, 3);
  });
});
