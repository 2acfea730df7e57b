import { sleep, type SetTimer } from '../../shared/sleep';

/**
 * At most one renderer event per 2 ms per stream. A token waits here at most this long before
 * it leaves for the window, which then shows it in its next frame. Tokens a relay sends apart
 * (a few hundred a second) leave one by one, at once: any wait here adds to the delay from the
 * relay to the screen. Text that comes faster (a burst, or a relay that sends a character at a
 * time) is grouped, so a window never gets more than 500 events a second from one stream. The
 * renderer applies a frame's events together (store/frameQueue.ts), so it still renders once
 * per frame.
 */
export const DELTA_INTERVAL_MS = 2;

/**
 * Coalesces a stream's deltas into events: the first is sent at once (time to first token is
 * what the user feels), later ones at most every DELTA_INTERVAL_MS, each carrying exactly the
 * text appended since the previous event, numbered 1, 2, 3… with no gaps.
 */
export class DeltaBatcher {
  private seq = 0;
  private content = '';
  private reasoning = '';
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  private cancelTimer: (() => void) | null = null;
  /** When the oldest text still pending arrived, as epoch ms (see ChatDelta.receivedAt). */
  private firstPendingAt: number | null = null;

  constructor(
    private readonly emit: (
      seq: number,
      content: string,
      reasoning: string,
      receivedAt: number,
    ) => void,
    private readonly now: () => number,
    private readonly setTimer: SetTimer,
    // Epoch ms with sub-millisecond precision, comparable with the renderer's own
    // performance.timeOrigin + performance.now() (Date.now() only has whole milliseconds).
    private readonly epochNow: () => number = () => performance.timeOrigin + performance.now(),
  ) {}

  /** The seq of the last event sent (0 before the first). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Text pushed but not sent yet: always the tail of what was pushed. */
  get pending(): { content: string; reasoning: string } {
    return { content: this.content, reasoning: this.reasoning };
  }

  push(content: string, reasoning: string): void {
    if (content === '' && reasoning === '') return;
    this.firstPendingAt ??= this.epochNow();
    this.content += content;
    this.reasoning += reasoning;
    if (this.cancelTimer) return; // an event is already due
    const wait = this.lastEmitAt + DELTA_INTERVAL_MS - this.now();
    if (wait <= 0) this.send();
    else this.cancelTimer = this.setTimer(() => this.send(), wait);
  }

  /** Sends what is pending, waiting out the interval first so the spacing holds to the end. */
  async flush(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (this.content === '' && this.reasoning === '') return;
    const wait = this.lastEmitAt + DELTA_INTERVAL_MS - this.now();
    if (wait > 0) await sleep(wait, { setTimer: this.setTimer });
    this.send();
  }

  private send(): void {
    this.cancelTimer = null;
    if (this.content === '' && this.reasoning === '') return;
    this.seq += 1;
    this.lastEmitAt = this.now();
    const { content, reasoning } = this;
    const receivedAt = this.firstPendingAt ?? this.epochNow();
    this.content = '';
    this.reasoning = '';
    this.firstPendingAt = null;
    this.emit(this.seq, content, reasoning, receivedAt);
  }
}
