/**
 * The window's frames as its renderer last reported them (`chat.frameClock`): when one began and
 * how far apart they come, in epoch ms (performance.timeOrigin + performance.now(), as
 * ChatDelta.receivedAt). From them, when the next frame begins, so the text of answers can be
 * sent just before it (see DeltaChannel). A report is good for FRAME_CLOCK_FRESH_MS: a window
 * that stops drawing (hidden, minimised) stops reporting, and its text is then sent as if no
 * report had come.
 */
export const FRAME_CLOCK_FRESH_MS = 3000;

/** Two reports further apart than this are not used to refine the interval. */
const REFINE_SPAN_MS = 10_000;

export class FrameClock {
  private at = 0;
  private interval = 0;
  private reportedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly epochNow: () => number) {}

  /**
   * A frame began at `at`, and frames come `interval` ms apart (the renderer's measure over a
   * few frames). Two reports a whole number of frames apart give the interval more closely than
   * a few frames can: over a second, an error of 0.05 ms a frame would put the next frame 3 ms
   * off.
   */
  report(at: number, interval: number): void {
    let next = interval;
    const span = at - this.at;
    if (this.interval > 0 && span > 0 && span <= REFINE_SPAN_MS) {
      const frames = Math.round(span / interval);
      const refined = frames > 0 ? span / frames : 0;
      if (Math.abs(refined - interval) < 0.25) next = refined;
    }
    this.at = at;
    this.interval = next;
    this.reportedAt = this.epochNow();
  }

  /** How long until the next frame begins (ms), or null without a fresh report. */
  untilNextFrame(): number | null {
    const t = this.epochNow();
    if (this.interval <= 0 || t - this.reportedAt > FRAME_CLOCK_FRESH_MS) return null;
    const frames = Math.floor((t - this.at) / this.interval) + 1;
    return this.at + frames * this.interval - t;
  }
}
