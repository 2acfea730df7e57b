import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRASH_RETENTION_MS } from '../../../src/main/history/HistoryStore';
import { manualClock, TempDir } from './tempStore';

describe('conversations', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('get a title from the first user message, cut at a word boundary, until the user renames', async () => {
    const { store } = await dir.open();
    const c = store.createConversation({ model: 'gpt-4o-mini', profileId: 'p1' });
    expect(c).toMatchObject({
      title: '',
      titleIsCustom: false,
      pinned: false,
      deletedAt: null,
      model: 'gpt-4o-mini',
    });
    store.appendMessage({
      conversationId: c.id,
      role: 'user',
      content:
        '  How do I   save money\n on electricity bills during a very hot summer in Hanoi without air conditioning?',
    });
    const titled = store.getConversation(c.id);
    expect(titled?.title).toBe('How do I save money on electricity bills during a very hot…');
    expect(titled?.titleIsCustom).toBe(false);
    store.renameConversation(c.id, 'Power bills');
    store.editMessage(store.listMessages(c.id).messages[0]?.id ?? '', 'Something else entirely');
    expect(store.getConversation(c.id)).toMatchObject({
      title: 'Power bills',
      titleIsCustom: true,
    });
  });

  it('re-derive the automatic title when the first message is edited; Chinese is cut by length', async () => {
    const { store } = await dir.open();
    const c = store.createConversation();
    const m = store.appendMessage({ conversationId: c.id, role: 'user', content: 'first' });
    store.editMessage(m.id, '如何通过中转服务调用模型接口'.repeat(6));
    const title = store.getConversation(c.id)?.title ?? '';
    expect(title.endsWith('…')).toBe(true);
    expect(title).toBe('如何通过中转服务调用模型接口'.repeat(6).slice(0, 60) + '…');
  });

  it('list pinned first, then by last activity, in keyset pages without duplicates', async () => {
    const clock = manualClock();
    const { store } = await dir.open({ now: clock.now });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      ids.push(store.createConversation({ title: `c${i}` }).id);
    }
    clock.advance(1000);
    store.appendMessage({ conversationId: ids[1] ?? '', role: 'user', content: 'activity' });
    store.setPinned(ids[4] ?? '', true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = store.listConversations({ cursor, limit: 3 });
      expect(page.conversations.length).toBeLessThanOrEqual(3);
      seen.push(...page.conversations.map((c) => c.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['c4', 'c1', 'c6', 'c5', 'c3', 'c2', 'c0']);
    expect(() => store.listConversations({ cursor: '1:2:3; DROP TABLE x' })).toThrow(/cursor/);
  });

  it('go to the trash and come back; the trash empties and expires after 30 days', async () => {
    const clock = manualClock();
    const opened = await dir.open({ now: clock.now });
    const store = opened.store;
    const a = store.createConversation({ title: 'a' });
    const b = store.createConversation({ title: 'b' });
    const c = store.createConversation({ title: 'c' });
    store.appendMessage({ conversationId: a.id, role: 'user', content: 'hello' });
    store.trashConversation(a.id);
    store.trashConversation(b.id);
    expect(store.listConversations().conversations.map((x) => x.title)).toEqual(['c']);
    expect(
      store
        .listTrash()
        .conversations.map((x) => x.title)
        .sort(),
    ).toEqual(['a', 'b']);
    store.restoreConversation(a.id);
    expect(store.listMessages(a.id).messages.map((m) => m.content)).toEqual(['hello']);
    expect(
      store
        .listConversations()
        .conversations.map((x) => x.title)
        .sort(),
    ).toEqual(['a', 'c']);

    store.trashConversation(c.id);
    clock.advance(TRASH_RETENTION_MS - 1000);
    expect(store.purgeExpiredTrash()).toBe(0);
    clock.advance(2000);
    store.close();
    // Expiry also runs at open.
    const reopened = await dir.open({ now: clock.now });
    expect(reopened.store.listTrash().conversations).toEqual([]);
    expect(reopened.store.getConversation(b.id)).toBeNull();
    reopened.store.trashConversation(a.id);
    expect(reopened.store.emptyTrash()).toBe(1);
    expect(reopened.store.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
  });
  it('list the trash newest deletion first with when each was deleted; purge one; search skips the trash', async () => {
    const clock = manualClock();
    const { store } = await dir.open({ now: clock.now });
    const a = store.createConversation({ title: 'Tiết kiệm a' });
    const b = store.createConversation({ title: 'Tiết kiệm b' });
    store.appendMessage({ conversationId: a.id, role: 'user', content: 'tiết kiệm chi phí' });
    const answer = store.appendMessage({
      conversationId: b.id,
      role: 'assistant',
      content: 'partial',
      status: 'streaming',
    });
    const deletedA = clock.now();
    store.trashConversation(a.id);
    clock.advance(60_000);
    store.trashConversation(b.id);
    const trash = store.listTrash().conversations;
    expect(trash.map((c) => [c.title, c.deletedAt])).toEqual([
      ['Tiết kiệm b', deletedA + 60_000],
      ['Tiết kiệm a', deletedA],
    ]);
    expect(store.search({ query: 'tiet kiem' }).results).toEqual([]);
    expect(store.streamingMessageIds()).toEqual([answer.id]);
    expect(store.streamingMessageIds(a.id)).toEqual([]);

    store.purgeConversation(a.id);
    expect(store.getConversation(a.id)).toBeNull();
    expect(store.listTrash().conversations.map((c) => c.id)).toEqual([b.id]);
    store.restoreConversation(b.id);
    expect(store.search({ query: 'tiet kiem' }).results.map((r) => r.conversationId)).toEqual([
      b.id,
    ]);
  });
});
