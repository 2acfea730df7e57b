import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageOutcome } from '../../../src/main/history/messageRepository';
import { manualClock, TempDir } from './tempStore';

const outcome = (content: string): MessageOutcome => ({
  status: 'complete',
  content,
  reasoning: 'thought',
  model: 'deepseek-chat',
  profileId: 'p1',
  promptTokens: 12,
  completionTokens: 34,
  tokensEstimated: false,
  cost: 0.0021,
  ttftMs: 321,
  durationMs: 4567,
  reasoningMs: 1234,
  finishReason: 'stop',
  errorKind: null,
  errorMessage: null,
});

describe('messages', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('keep everything a finished answer records', async () => {
    const { store } = await dir.open();
    const c = store.createConversation();
    const m = store.appendMessage({ conversationId: c.id, role: 'assistant', status: 'streaming' });
    expect(store.checkpointMessage(m.id, 'par', '')).toBe(true);
    expect(store.getMessage(m.id)?.content).toBe('par');
    const done = store.finishMessage(m.id, outcome('partial answer'));
    expect(done).toMatchObject({
      ...outcome('partial answer'),
      id: m.id,
      conversationId: c.id,
      role: 'assistant',
    });
    // A checkpoint arriving after the end must not overwrite the final text.
    expect(store.checkpointMessage(m.id, 'late', '')).toBe(false);
    expect(store.getMessage(m.id)?.content).toBe('partial answer');
  });

  it('store timings from a fractional (monotonic) clock as whole milliseconds', async () => {
    const { store } = await dir.open();
    const c = store.createConversation();
    const m = store.appendMessage({ conversationId: c.id, role: 'assistant', status: 'streaming' });
    const done = store.finishMessage(m.id, {
      ...outcome('x'),
      ttftMs: 321.4,
      durationMs: 4566.6,
      reasoningMs: 1233.5,
    });
    expect(done).toMatchObject({ ttftMs: 321, durationMs: 4567, reasoningMs: 1234 });
    expect(store.appendMessage({ conversationId: c.id, role: 'user' }).reasoningMs).toBeNull();
  });

  it('load the last N oldest-first and page backwards, even across equal timestamps', async () => {
    const clock = manualClock();
    const { store } = await dir.open({ now: clock.now });
    const c = store.createConversation();
    for (let i = 0; i < 25; i++) {
      if (i % 3 === 0) clock.advance(1); // several messages share a millisecond
      store.appendMessage({
        conversationId: c.id,
        role: i % 2 ? 'assistant' : 'user',
        content: `m${i}`,
      });
    }
    const last = store.listMessages(c.id, { limit: 10 });
    expect(last.messages.map((m) => m.content)).toEqual(
      Array.from({ length: 10 }, (_, i) => `m${15 + i}`),
    );
    expect(last.hasMore).toBe(true);
    const before = store.listMessages(c.id, { limit: 10, beforeId: last.messages[0]?.id ?? '' });
    expect(before.messages.map((m) => m.content)).toEqual(
      Array.from({ length: 10 }, (_, i) => `m${5 + i}`),
    );
    const first = store.listMessages(c.id, { limit: 10, beforeId: before.messages[0]?.id ?? '' });
    expect(first.messages.map((m) => m.content)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(first.hasMore).toBe(false);
    expect(first.hasNewer).toBe(true);
    expect(last.hasNewer).toBe(false);
  });

  it('load a page around a message (jump to a search hit) and page forward from it', async () => {
    const { store } = await dir.open();
    const c = store.createConversation();
    const ids = Array.from(
      { length: 30 },
      (_, i) =>
        store.appendMessage({
          conversationId: c.id,
          role: i % 2 ? 'assistant' : 'user',
          content: `m${i}`,
        }).id,
    );
    const around = store.listMessages(c.id, { aroundId: ids[10] ?? '', limit: 7 });
    expect(around.messages.map((m) => m.content)).toEqual([
      'm7',
      'm8',
      'm9',
      'm10',
      'm11',
      'm12',
      'm13',
    ]);
    expect(around).toMatchObject({ hasMore: true, hasNewer: true });
    const after = store.listMessages(c.id, { afterId: ids[25] ?? '', limit: 10 });
    expect(after.messages.map((m) => m.content)).toEqual(['m26', 'm27', 'm28', 'm29']);
    expect(after).toMatchObject({ hasMore: true, hasNewer: false });
    expect(
      store.listMessages(c.id, { aroundId: ids[0] ?? '', limit: 4 }).messages.map((m) => m.content),
    ).toEqual(['m0', 'm1', 'm2']);
    const other = store.createConversation();
    expect(() => store.listMessages(other.id, { aroundId: ids[3] ?? '' })).toThrow(
      expect.objectContaining({ text: { code: 'message_other_conversation' } }),
    );
  });

  it('edit a message in place (marked edited); delete one message, undo, delete for good at the next start', async () => {
    const first = await dir.open();
    const store = first.store;
    const c = store.createConversation();
    const q1 = store.appendMessage({ conversationId: c.id, role: 'user', content: 'q1' });
    const a1 = store.appendMessage({ conversationId: c.id, role: 'assistant', content: 'a1' });
    const q2 = store.appendMessage({ conversationId: c.id, role: 'user', content: 'q2' });
    const a2 = store.appendMessage({ conversationId: c.id, role: 'assistant', content: 'a2' });
    expect([a1.parentId, q2.parentId, a2.parentId]).toEqual([q1.id, a1.id, q2.id]);
    expect(store.editMessage(a2.id, 'a2 fixed')).toMatchObject({
      content: 'a2 fixed',
      editedAt: expect.any(Number),
    });
    expect(store.getMessage(q1.id)?.editedAt).toBeNull();
    store.deleteMessage(a1.id);
    expect(store.pathMessages(c.id).map((m) => m.content)).toEqual(['q1', 'q2', 'a2 fixed']);
    expect(store.listMessages(c.id).messages.map((m) => m.content)).toEqual([
      'q1',
      'q2',
      'a2 fixed',
    ]);
    expect(store.search({ query: 'a1' }).results).toEqual([]);
    // The export carries the path without it: q2 now follows q1.
    expect(store.allMessages(c.id).find((m) => m.id === q2.id)?.parentId).toBe(q1.id);
    store.restoreMessage(a1.id);
    expect(store.pathMessages(c.id).map((m) => m.content)).toEqual(['q1', 'a1', 'q2', 'a2 fixed']);
    expect(store.search({ query: 'a1' }).results.map((r) => r.messageId)).toEqual([a1.id]);
    store.deleteMessage(q1.id);
    // Only the title still says q1.
    expect(store.search({ query: 'q1' }).results.map((r) => r.messageId)).toEqual([null]);
    expect(store.search({ query: 'fixed' }).results.map((r) => r.messageId)).toEqual([a2.id]);
    store.close();
    const second = await dir.open();
    expect(second.store.getMessage(q1.id)).toBeNull();
    expect(second.store.getMessage(a1.id)?.parentId).toBeNull();
    expect(second.store.pathMessages(c.id).map((m) => m.content)).toEqual(['a1', 'q2', 'a2 fixed']);
    // A new message follows the last one on screen.
    const q3 = second.store.appendMessage({ conversationId: c.id, role: 'user', content: 'q3' });
    expect(q3.parentId).toBe(a2.id);
    second.store.close();
  });

  it('left streaming by a crash become interrupted at the next open, text kept and searchable', async () => {
    const first = await dir.open();
    const c = first.store.createConversation();
    const m = first.store.appendMessage({
      conversationId: c.id,
      role: 'assistant',
      status: 'streaming',
    });
    first.store.checkpointMessage(m.id, 'half an answer about quokkas', '');
    expect(first.store.search({ query: 'quokkas' }).results).toEqual([]); // not indexed while streaming
    first.store.close();
    const second = await dir.open();
    expect(second.interruptedCount).toBe(1);
    expect(second.store.getMessage(m.id)).toMatchObject({
      status: 'interrupted',
      content: 'half an answer about quokkas',
      errorKind: 'interrupted',
    });
    expect(second.store.search({ query: 'quokkas' }).results[0]?.messageId).toBe(m.id);
  });

  it('a crash before any text is not called cut off', async () => {
    const first = await dir.open();
    const c = first.store.createConversation();
    const m = first.store.appendMessage({
      conversationId: c.id,
      role: 'assistant',
      status: 'streaming',
    });
    first.store.close();
    const second = await dir.open();
    expect(second.store.getMessage(m.id)).toMatchObject({
      status: 'interrupted',
      content: '',
      errorKind: 'no_answer',
    });
  });
});
