import type { ChatDelta, ChatDone } from '../../../src/shared/types/chat';
import { ChatService, type ChatServiceDeps } from '../../../src/main/chat/ChatService';
import type { HistoryStore } from '../../../src/main/history/HistoryStore';
import { TempDir } from '../history/tempStore';
import { FakeClock } from './fakeClock';
import { scriptedRelay, type RelayCall, type Step } from './scriptedRelay';

export interface Emitted {
  name: 'chat.delta' | 'chat.done';
  payload: ChatDelta | ChatDone;
  at: number;
}

export interface Harness {
  dir: TempDir;
  store: HistoryStore;
  clock: FakeClock;
  service: ChatService;
  calls: RelayCall[];
  events: Emitted[];
  deltas(messageId: string): (ChatDelta & { at: number })[];
  done(messageId: string): ChatDone | undefined;
  /** Drives the clock until the message's `chat.done` was emitted and its turn let go. */
  finish(messageId: string): Promise<ChatDone>;
  /** Drives the clock until `promise` settles. */
  drive<T>(promise: Promise<T>): Promise<T>;
}

/** A real store in a temp dir, a fake clock, and a scripted relay playing `scripts` call by call. */
export async function chatHarness(
  scripts: Step[][],
  extra: Partial<ChatServiceDeps> = {},
): Promise<Harness> {
  const dir = new TempDir();
  const { store } = await dir.open();
  const clock = new FakeClock();
  const relay = scriptedRelay((ms) => clock.sleep(ms), scripts);
  const events: Emitted[] = [];
  const service = new ChatService({
    history: store,
    streamChat: relay.streamChat,
    resolveTarget: async (c) => ({
      profileId: 'p1',
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKey: 'hsa-test',
      model: c.model ?? 'gpt-4o-mini',
    }),
    emit: (name: 'chat.delta' | 'chat.done', payload: ChatDelta | ChatDone) =>
      events.push({ name, payload, at: clock.now() }),
    now: clock.now,
    setTimer: clock.setTimer,
    computeCost: (_model, u) => u.promptTokens * 0.000001 + u.completionTokens * 0.000002,
    ...extra,
  });
  // The latest: a Continue ends the same message a second time.
  const done = (id: string) =>
    events.findLast((e) => e.name === 'chat.done' && (e.payload as ChatDone).message.id === id)
      ?.payload as ChatDone | undefined;
  return {
    dir,
    store,
    clock,
    service,
    calls: relay.calls,
    events,
    deltas: (id) =>
      events
        .filter((e) => e.name === 'chat.delta' && (e.payload as ChatDelta).messageId === id)
        .map((e) => ({ ...(e.payload as ChatDelta), at: e.at })),
    done,
    async finish(id) {
      const earlier = done(id);
      await clock.runUntil(
        () => done(id) !== earlier && !service.activeStreams().some((s) => s.messageId === id),
      );
      return done(id) as ChatDone;
    },
    async drive<T>(promise: Promise<T>): Promise<T> {
      let settled = false;
      const tracked = promise.finally(() => {
        settled = true;
      });
      await clock.runUntil(() => settled);
      return tracked;
    },
  };
}
