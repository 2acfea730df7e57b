import { afterEach, describe, expect, it } from 'vitest';
import { sortConversations } from '../../../src/shared/rules/conversationOrder';
import type { Conversation } from '../../../src/shared/types/history';
import type { HistoryStore } from '../../../src/main/history/HistoryStore';
import { TempDir } from './tempStore';

describe('conversation order', () => {
  let dir: TempDir;
  afterEach(() => dir.cleanup());

  it('SQL pages list in the shared order, ties on last activity included', async () => {
    dir = new TempDir();
    let time = 1000;
    const { store } = await dir.open({ now: () => time });
    // Ids chosen so insertion order and id order disagree; several share a timestamp.
    const ids = ['m', 'c', 'x', 'a', 'q', 'b', 'z', 'k'];
    for (const [i, id] of ids.entries()) {
      time = 1000 + Math.floor(i / 3);
      store.createConversation({ id });
    }
    store.setPinned('q', true);
    store.setPinned('c', true);
    const listed = allPages(store, 3);
    expect(listed.map((c) => c.id)).toEqual(sortConversations(listed).map((c) => c.id));
    expect(listed.map((c) => c.id)).toEqual(['q', 'c', 'z', 'k', 'b', 'a', 'x', 'm']);
  });

  it('a page cursor holding an id with colons still works', async () => {
    dir = new TempDir();
    const { store } = await dir.open({ now: () => 5 });
    for (const id of ['a:1', 'a:2', 'a:3']) store.createConversation({ id });
    expect(allPages(store, 1).map((c) => c.id)).toEqual(['a:3', 'a:2', 'a:1']);
    expect(() => store.listConversations({ cursor: '0:5' })).toThrow(/cursor/);
  });
});

function allPages(store: HistoryStore, limit: number): Conversation[] {
  const out: Conversation[] = [];
  let cursor: string | null = null;
  do {
    const page = store.listConversations({ cursor, limit });
    out.push(...page.conversations);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}
