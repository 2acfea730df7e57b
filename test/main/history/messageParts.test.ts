import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FINISH_OFF_THREAD_CHARS } from '../../../src/main/history/HistoryStore';
import type { MessageOutcome } from '../../../src/main/history/messageRepository';
import { TempDir } from './tempStore';

const finished = (content: string, reasoning = ''): MessageOutcome => ({
  status: 'complete',
  content,
  reasoning,
  promptTokens: 10,
  completionTokens: 20,
  tokensEstimated: true,
  finishReason: 'stop',
});

function parts(store: { db: import('better-sqlite3').Database }): number {
  return store.db.prepare('SELECT count(*) FROM message_parts').pluck().get() as number;
}

describe('a streaming answer checkpointed in parts', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('reads as one text while streaming, and is one text once finished', async () => {
    const { store } = await dir.open();
    const c = store.createConversation();
    const m = store.appendMessage({ conversationId: c.id, role: 'assistant', status: 'streaming' });
    expect(store.appendToMessage(m.id, 'Quokkas ', 'thinking ')).toBe(true);
    expect(store.appendToMessage(m.id, 'are marsupials.', 'done')).toBe(true);
    expect(store.getMessage(m.id)).toMatchObject({
      content: 'Quokkas are marsupials.',
      reasoning: 'thinking done',
      status: 'streaming',
    });
    expect(store.listMessages(c.id).messages[0]?.content).toBe('Quokkas are marsupials.');
    expect(parts(store)).toBe(2);

    const done = store.finishMessage(m.id, finished('Quokkas are marsupials!', 'thinking done'));
    expect(parts(store)).toBe(0);
    expect(store.getMessage(m.id)).toEqual(done);
    expect(store.appendToMessage(m.id, 'late', '')).toBe(false);
    expect(store.getMessage(m.id)?.content).toBe('Quokkas are marsupials!');
  });

  it('keeps the parts of an answer cut by a crash: the next start folds them in', async () => {
    const first = await dir.open();
    const c = first.store.createConversation();
    const m = first.store.appendMessage({
      conversationId: c.id,
      role: 'assistant',
      status: 'streaming',
    });
    first.store.appendToMessage(m.id, 'half an answer ', '');
    first.store.appendToMessage(m.id, 'about wombats', 'hmm');
    first.store.close();

    const second = await dir.open();
    expect(second.interruptedCount).toBe(1);
    expect(second.store.getMessage(m.id)).toMatchObject({
      content: 'half an answer about wombats',
      reasoning: 'hmm',
      status: 'interrupted',
      errorKind: 'interrupted',
    });
    expect(parts(second.store)).toBe(0);
    await second.store.searchIndexed();
    expect(second.store.search({ query: 'wombats' }).results.map((r) => r.messageId)).toContain(
      m.id,
    );
  });

  it('a finish without the text keeps what was checkpointed', async () => {
    const { store } = await dir.open();
    const c = store.createConversation();
    const m = store.appendMessage({ conversationId: c.id, role: 'assistant', status: 'streaming' });
    store.appendToMessage(m.id, 'kept ', '');
    store.appendToMessage(m.id, 'text', '');
    const done = store.finishMessage(m.id, { status: 'stopped' });
    expect(done.content).toBe('kept text');
    expect(store.getMessage(m.id)?.content).toBe('kept text');
    expect(parts(store)).toBe(0);
  });

  it('records a long answer through the writer thread exactly as a reload reads it', async () => {
    const { store } = await dir.open();
    const c = store.createConversation();
    const m = store.appendMessage({ conversationId: c.id, role: 'assistant', status: 'streaming' });
    const long = `${'很长的回答，讲的是袋熊 and wombats. '.repeat(
      Math.ceil(FINISH_OFF_THREAD_CHARS / 20),
    )}最后一句 🎉`;
    expect(long.length).toBeGreaterThan(FINISH_OFF_THREAD_CHARS);
    store.appendToMessage(m.id, long.slice(0, 1000), '');
    const done = await store.finishMessageOffThread(m.id, finished(long, 'reasoned'));
    expect(done.content).toBe(long);
    expect(store.getMessage(m.id)).toEqual(done);
    expect(parts(store)).toBe(0);
    expect(store.getConversation(c.id)?.updatedAt).toBe(done.updatedAt);
    await store.searchIndexed();
    expect(store.search({ query: '最后一句' }).results.map((r) => r.messageId)).toContain(m.id);
  });

  it('a long answer that cannot be recorded off the thread fails with the reason', async () => {
    const { store } = await dir.open();
    const c = store.createConversation();
    const m = store.appendMessage({ conversationId: c.id, role: 'assistant', status: 'streaming' });
    // Gone for good (a deleted message stays until the next start, for its undo).
    store.purgeConversation(c.id);
    await expect(
      store.finishMessageOffThread(m.id, finished('x'.repeat(FINISH_OFF_THREAD_CHARS + 1))),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
