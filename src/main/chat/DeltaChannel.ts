import type { ChatDelta, ChatDone } from '../../shared/types/chat';
import type { SetTimer } from '../../shared/sleep';
import { DELTA_INTERVAL_MS } from './DeltaBatcher';
import type { ChatEmit } from './ChatService';
import type { FrameClock } from './FrameClock';

/** How long before a frame begins its text leaves main: the way to the window and its queue. */
export const FRAME_LEAD_MS = 3;
/** An answer whose text came this recently counts as streaming (for the pacing by frames). */
const STREAMING_WITHIN_MS = 100;

/**
 * One channel to the window for every stream's text. Each stream's DeltaBatcher already sends at
 * most one event per DELTA_INTERVAL_MS; with several answers streaming at once (several models
 * side by side) their events would add up, and every event costs the window a task of its own.
 * Here the events of all streams that come within one interval travel together, as one
 * `chat.deltas` list, in the order they were made: the first at once, the rest at most every
 * interval. The interval grows with the answers streaming: DELTA_INTERVAL_MS for each of them, so
 * the window gets about as many lists a second from four answers as from one (four answers at
 * 300 tokens a second each: about 130 lists a second, not 390, and token to pixel p95 41.6 ms
 * against 46.9 ms over eight runs of `bench:ui`). A lone stream's events still leave one by one,
 * as soon as they are made. Anything else a chat sends (its end) first sends the text still
 * waiting, so it never overtakes it.
 *
 * While several answers stream and the window reports its frames (FrameClock), the lists go in
 * step with the frames instead: text is held until FRAME_LEAD_MS before the next frame begins and
 * leaves then, together, in time for that frame, which is the first that could have shown it
 * anyway; text that comes later than that leaves at once, in case it still makes the frame. So a
 * token waits for no list interval on top of its wait for a frame, and the window gets one list
 * a frame plus the few events of its last FRAME_LEAD_MS, however many answers stream: four
 * answers' token to pixel p95 went from 23.1–23.4 ms (three full runs of `bench:ui`) to
 * 17.6–18.3 ms (four runs of its streaming part) on one machine (a lead of 2 ms: 18.8–20.0 ms; 4
 * ms: 17.3–24.4 ms). A lone
 * answer's events still leave at once: held for the frame, its p95 was no better (16.8–18.0
 * against 16.2–17.5 ms, three runs each in turns).
 */
export class DeltaChannel {
  private pending: ChatDelta[] = [];
  private lastSentAt = Number.NEGATIVE_INFINITY;
  /** How many answers the last list carried text of. */
  private lastStreams = 1;
  private cancelTimer: (() => void) | null = null;
  /** When each stream's text last came (this.now()), for the answers streaming at once. */
  private lastTextAt = new Map<string, number>();

  constructor(
    private readonly send: (deltas: ChatDelta[]) => void,
    private readonly now: () => number,
    private readonly setTimer: SetTimer,
    private readonly frames?: FrameClock,
  ) {}

  push(delta: ChatDelta): void {
    this.pending.push(delta);
    this.lastTextAt.set(delta.messageId, this.now());
    if (this.cancelTimer) return; // a send is already due
    const wait = this.wait();
    if (wait <= 0) this.flush();
    else this.cancelTimer = this.setTimer(() => this.flush(), wait);
  }

  /** How long the text now pending waits before it leaves. */
  private wait(): number {
    const untilFrame = this.streamingNow() > 1 ? (this.frames?.untilNextFrame() ?? null) : null;
    if (untilFrame !== null) return untilFrame - FRAME_LEAD_MS;
    const streams = Math.max(this.lastStreams, streamsIn(this.pending));
    return this.lastSentAt + streams * DELTA_INTERVAL_MS - this.now();
  }

  /** How many answers sent text within the last STREAMING_WITHIN_MS. */
  private streamingNow(): number {
    const since = this.now() - STREAMING_WITHIN_MS;
    for (const [id, at] of this.lastTextAt) if (at < since) this.lastTextAt.delete(id);
    return this.lastTextAt.size;
  }

  /** Sends what is waiting now. */
  flush(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (this.pending.length === 0) return;
    const deltas = this.pending;
    this.lastStreams = streamsIn(deltas);
    this.pending = [];
    this.lastSentAt = this.now();
    this.send(deltas);
  }
}

function streamsIn(deltas: readonly ChatDelta[]): number {
  return new Set(deltas.map((d) => d.messageId)).size;
}

/**
 * The window's events for chats: text through one DeltaChannel (in step with the window's frames
 * when it reports them), the end of an answer after it.
 */
export function channelChatEvents(
  emit: {
    (name: 'chat.deltas', payload: ChatDelta[]): void;
    (name: 'chat.done', payload: ChatDone): void;
  },
  now: () => number,
  setTimer: SetTimer,
  frames?: FrameClock,
): ChatEmit {
  const channel = new DeltaChannel((deltas) => emit('chat.deltas', deltas), now, setTimer, frames);
  return ((name: 'chat.delta' | 'chat.done', payload: ChatDelta | ChatDone) => {
    if (name === 'chat.delta') return channel.push(payload as ChatDelta);
    channel.flush();
    emit('chat.done', payload as ChatDone);
  }) as ChatEmit;
}
