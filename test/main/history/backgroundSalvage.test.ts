import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { ChatDelta, ChatDone } from '../../../src/shared/types/chat';
import { ChatService } from '../../../src/main/chat/ChatService';
import { FakeClock } from '../chat/fakeClock';
import { scriptedRelay, trickle } from '../chat/scriptedRelay';
import { TempDir } from './tempStore';

let dir: TempDir | null = null;
afterEach(() => {
  dir?.cleanup();
  dir = null;
});

/** A large history: 40 conversations × 150 messages, then a damaged page among old messages. */
async function damagedLargeHistory(d: TempDir): Promise<void> {
  const { store } = await d.open();
  store.db.transaction(() => {
    for (let c = 0; c < 40; c++) {
      const conv = store.createConversation({ title: `Cuộc trò chuyện ${c}` });
      for (let m = 0; m < 150; m++)
        store.appendMessage({
          conversationId: conv.id,
          role: m % 2 ? 'assistant' : 'user',
          content: `tin nhắn ${c}/${m} 中文内容 `.repeat(10),
        });
    }
  })();
  const page = store.db
    .prepare(
      "SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 10",
    )
    .pluck()
    .get() as number;
  const pageSize = store.db.pragma('page_size', { simple: true }) as number;
  store.close();
  const fd = openSync(d.file(), 'r+');
  writeSync(fd, Buffer.alloc(400, 0xa5), 0, 400, (page - 1) * pageSize + 8);
  closeSync(fd);
}

it('damage found by the background check while a stream runs costs no live data', async () => {
  dir = new TempDir();
  await damagedLargeHistory(dir);
  const { store, fullyChecked } = await dir.open({ fullCheckAtOpenMaxBytes: 0 });
  expect(fullyChecked).toBe(false);

  const clock = new FakeClock();
  const answer = 'Câu trả lời đang chạy 正在生成的回答 '.repeat(50);
  const relay = scriptedRelay(
    (ms) => clock.sleep(ms),
    [[...trickle(answer, 20, 50), { hang: true }]],
  );
  const done: ChatDone[] = [];
  const service = new ChatService({
    history: store,
    streamChat: relay.streamChat,
    resolveTarget: async () => ({ profileId: 'p', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' }),
    emit: (name: 'chat.delta' | 'chat.done', payload: ChatDelta | ChatDone) => {
      if (name === 'chat.done') done.push(payload as ChatDone);
    },
    now: clock.now,
    setTimer: clock.setTimer,
  });
  const live = store.createConversation({ title: 'live' });
  const ids = await service.send({ conversationId: live.id, text: 'Đang hỏi' });
  // The stream is well under way (several checkpoints) when the check reports damage.
  await clock.runUntil(() => clock.now() > 1200);
  expect(service.activeStreams()).toHaveLength(1);

  const verifying = store.verifyInBackground(() => service.dispose());
  await clock.runUntil(() => done.length === 1);
  const notice = await verifying;

  expect(notice?.kind).toBe('history_recovered');
  if (notice?.kind !== 'history_recovered') return;
  expect(existsSync(notice.movedTo)).toBe(true);
  expect(notice.recovered?.conversations).toBe(41);
  // One damaged leaf page costs the rows on it and its neighbours in the copy; over 90 % survive.
  expect(notice.recovered?.messages).toBeGreaterThan(5400);
  expect(notice.recovered?.messages).toBeLessThan(6002);

  // The running answer was stopped, recorded, and survives in the fresh file with its text.
  expect(done[0]).toMatchObject({ message: { id: ids.assistant.id, status: 'interrupted' } });
  const saved = store.getMessage(ids.assistant.id);
  expect(saved?.status).toBe('interrupted');
  expect(saved?.content.length).toBeGreaterThan(100);
  expect(answer.startsWith(saved?.content ?? 'x')).toBe(true);
  expect(store.getMessage(ids.user?.id ?? '')?.content).toBe('Đang hỏi');

  // The list is full, search works, the fresh file is sound, and the app keeps writing.
  expect(store.listConversations({ limit: 100 }).conversations).toHaveLength(41);
  expect(store.search({ query: 'tin nhan' }).results.length).toBeGreaterThan(0);
  expect(store.db.pragma('quick_check', { simple: true })).toBe('ok');
  store.createConversation({ title: 'after' });
  const moved = new Database(notice.movedTo, { readonly: true });
  expect(moved.pragma('quick_check', { simple: true })).not.toBe('ok');
  moved.close();
}, 120_000); // two worker threads (check, then copy) start through tsx here

it('copies in a worker while the app keeps writing, and loses none of those writes', async () => {
  dir = new TempDir();
  await damagedLargeHistory(dir);
  const { store } = await dir.open({ fullCheckAtOpenMaxBytes: 0 });
  const written: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const notice = await store.verifyInBackground(async () => {
    // The user keeps working while the copy runs: each write lands in the file being copied.
    timer = setInterval(() => {
      if (written.length < 40) written.push(store.createConversation({ title: 'late' }).id);
    }, 10);
  });
  clearInterval(timer);
  expect(notice?.kind).toBe('history_recovered');
  expect(written.length).toBeGreaterThan(0);
  for (const id of written) expect(store.getConversation(id)?.title).toBe('late');
  expect(store.db.pragma('quick_check', { simple: true })).toBe('ok');
}, 120_000);
