import { afterEach, describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../../src/shared/contract/app';
import type { ChatDelta, ChatDone } from '../../../src/shared/types/chat';
import { ChatService, type ChatHistory } from '../../../src/main/chat/ChatService';
import { HistoryStore } from '../../../src/main/history/HistoryStore';
import { StorageGuard } from '../../../src/main/storage/StorageGuard';
import { FakeClock } from '../chat/fakeClock';
import { scriptedRelay, trickle } from '../chat/scriptedRelay';
import { SmallDisk } from './tmpfs';

let disk: SmallDisk | null = null;
const stores: HistoryStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  disk?.dispose();
  disk = null;
});

// Mixed text, ~1.2 MB: far more than the WAL holds before the disk fills.
const ANSWER = 'Đây là câu trả lời dài 这是一个很长的回答 and plain English too. '.repeat(20_000);

async function setUp() {
  disk = new SmallDisk(16 * 1024 * 1024);
  const { store } = await HistoryStore.open({ dataDir: disk.path });
  stores.push(store);
  const clock = new FakeClock();
  const statuses: StorageStatus[] = [];
  const done: ChatDone[] = [];
  const guard = new StorageGuard({
    path: store.path,
    emit: (s) => statuses.push(s),
    log: () => undefined,
    setTimer: clock.setTimer,
    retryMs: 5000,
  });
  let checkpoints = 0;
  const smallDisk = disk;
  // The disk fills up right after the first checkpoint reached it: mid-stream.
  const history: ChatHistory = Object.assign(Object.create(store) as HistoryStore, {
    appendToMessage: (id: string, content: string, reasoning: string) => {
      const wrote = store.appendToMessage(id, content, reasoning);
      if (++checkpoints === 1) smallDisk.fill();
      return wrote;
    },
  });
  const relay = scriptedRelay(
    (ms) => clock.sleep(ms),
    [[...trickle(ANSWER, 40_000, 100), { usage: [10, 300_000] }, { done: 'stop' }]],
  );
  const service = new ChatService({
    history,
    streamChat: relay.streamChat,
    resolveTarget: async () => ({ profileId: 'p', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' }),
    emit: (name: 'chat.delta' | 'chat.done', payload: ChatDelta | ChatDone) => {
      if (name === 'chat.done') done.push(payload as ChatDone);
    },
    now: clock.now,
    setTimer: clock.setTimer,
    storage: guard,
  });
  return { store, clock, guard, statuses, done, service, disk };
}

describe('a disk that fills up during a stream (real tmpfs)', () => {
  it('never reports complete for an unsaved answer, says why, and saves it when space returns', async () => {
    const { store, clock, guard, statuses, done, service, disk } = await setUp();
    const conversation = store.createConversation();
    const ids = await service.send({ conversationId: conversation.id, text: 'Write a lot' });
    await clock.runUntil(() => done.length === 1);

    expect(done[0]).toMatchObject({
      message: { status: 'error' },
      unsaved: { code: 'storage_full' },
    });
    expect(statuses.at(-1)).toMatchObject({ failing: true, code: 'storage_full', unsaved: 1 });
    expect(store.getMessage(ids.assistant.id)?.status).toBe('streaming');

    // Still full: the timed retry fails and keeps the text.
    await clock.runUntil(() => clock.now() > 6000);
    expect(guard.unsavedCount).toBe(1);

    disk.free();
    await clock.runUntil(() => done.length === 2);
    expect(done[1]).toMatchObject({ message: { status: 'complete' } });
    expect(done[1]?.unsaved).toBeUndefined();
    expect(statuses.at(-1)).toEqual({ failing: false });

    // What the window showed is on disk, every character, after a reopen.
    const path = store.path;
    store.close();
    const reopened = await HistoryStore.open({ dataDir: disk.path });
    stores.push(reopened.store);
    const saved = reopened.store.getMessage(ids.assistant.id);
    expect(reopened.store.path).toBe(path);
    expect(saved?.status).toBe('complete');
    expect(saved?.content).toBe(ANSWER);
  });

  it('a route write on a full disk fails with a coded storage error, and the notice clears on the next write', async () => {
    const { store, guard, statuses, disk } = await setUp();
    const c = store.createConversation();
    disk.fill();
    const big = 'x'.repeat(2 * 1024 * 1024);
    expect(() =>
      guard.run(() => store.appendMessage({ conversationId: c.id, role: 'user', content: big })),
    ).toThrow(expect.objectContaining({ name: 'FleeceError', code: 'storage_full' }));
    expect(statuses.at(-1)).toMatchObject({ failing: true, code: 'storage_full' });
    disk.free();
    guard.run(() => store.appendMessage({ conversationId: c.id, role: 'user', content: 'small' }));
    expect(statuses.at(-1)).toEqual({ failing: false });
  });
});
