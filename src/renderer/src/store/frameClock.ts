import { FRAME_INTERVAL_MAX_MS, FRAME_INTERVAL_MIN_MS } from '../../../shared/rules/limits';

/** Frames timed for one report: five intervals, so one frame dropped does not skew it. */
const SAMPLE_FRAMES = 6;
/** While text streams in, main hears of the window's frames this often. */
export const FRAME_REPORT_EVERY_MS = 500;
/** A timing whose frames stopped coming (the window was hidden) is given up after this. */
const GIVE_UP_MS = 1000;

/**
 * Tells main when this window's frames begin and how far apart they come, while answers stream
 * (with several at once, main then sends their text just before the next frame: DeltaChannel). On text arriving, at
 * most every FRAME_REPORT_EVERY_MS, a few frames are timed with requestAnimationFrame, whose
 * timestamp is the frame's own beginning; their median spacing and the last one's beginning (in
 * epoch ms, as main stamps text) are reported. A window without a visible frame loop reports
 * nothing, and main sends as it does without a report.
 */
export function frameClock(
  report: (at: number, interval: number) => void,
  now: () => number = () => performance.now(),
): { onText(): void } {
  let timings = 0;
  let timing: number | null = null; // the one under way
  let startedAt = Number.NEGATIVE_INFINITY;
  let lastReport = Number.NEGATIVE_INFINITY;
  const framed = (): boolean =>
    typeof requestAnimationFrame === 'function' &&
    typeof document !== 'undefined' &&
    document.visibilityState === 'visible';
  return {
    onText() {
      const t = now();
      if (timing !== null && t - startedAt < GIVE_UP_MS) return;
      if (t - lastReport < FRAME_REPORT_EVERY_MS || !framed()) return;
      const id = (timing = ++timings);
      startedAt = t;
      const stamps: number[] = [];
      const step = (stamp: number): void => {
        if (timing !== id) return; // given up, another under way
        stamps.push(stamp);
        if (stamps.length < SAMPLE_FRAMES) {
          requestAnimationFrame(step);
          return;
        }
        timing = null;
        lastReport = now();
        const gaps = stamps.slice(1).map((s, i) => s - stamps[i]!);
        gaps.sort((a, b) => a - b);
        const interval = gaps[gaps.length >> 1]!;
        if (interval >= FRAME_INTERVAL_MIN_MS && interval <= FRAME_INTERVAL_MAX_MS)
          report(performance.timeOrigin + stamp, interval);
      };
      requestAnimationFrame(step);
    },
  };
}
