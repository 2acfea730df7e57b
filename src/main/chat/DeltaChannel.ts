import type { ChatDelta, ChatDone } from '../../shared/types/chat';
import type { SetTimer } from '../../shared/sleep';
import { DELTA_INTERVAL_MS } from './DeltaBatcher';
import type { ChatEmit } from './ChatService';

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
 */
export class DeltaChannel {
  private pending: ChatDelta[] = [];
  private lastSentAt = Number.NEGATIVE_INFINITY;
  /** How many answers the last list carried text of. */
  private lastStreams = 1;
  private cancelTimer: (() => void) | null = null;

  constructor(
    private readonly send: (deltas: ChatDelta[]) => void,
    private readonly now: () => number,
    private readonly setTimer: SetTimer,
  ) {}

  push(delta: ChatDelta): void {
    this.pending.push(delta);
    if (this.cancelTimer) return; // a send is already due
    const streams = Math.max(this.lastStreams, streamsIn(this.pending));
    const wait = this.lastSentAt + streams * DELTA_INTERVAL_MS - this.now();
    if (wait <= 0) this.flush();
    else this.cancelTimer = this.setTimer(() => this.flush(), wait);
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

/** The window's events for chats: text through one DeltaChannel, the end of an answer after it. */
export function channelChatEvents(
  emit: {
    (name: 'chat.deltas', payload: ChatDelta[]): void;
    (name: 'chat.done', payload: ChatDone): void;
  },
  now: () => number,
  setTimer: SetTimer,
): ChatEmit {
  const channel = new DeltaChannel((deltas) => emit('chat.deltas', deltas), now, setTimer);
  return ((name: 'chat.delta' | 'chat.done', payload: ChatDelta | ChatDone) => {
    if (name === 'chat.delta') return channel.push(payload as ChatDelta);
    channel.flush();
    emit('chat.done', payload as ChatDone);
  }) as ChatEmit;
}
