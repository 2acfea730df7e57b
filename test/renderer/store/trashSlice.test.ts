import { describe, expect, it } from 'vitest';
import { createAppStore, connectEvents } from '../../../src/renderer/src/store';
import { withTrashed } from '../../../src/renderer/src/store/slices/trashSlice';
import type { Conversation } from '../../../src/shared/types/history';
import { createFakeClient } from '../fakeClient';

const conv = (id: string, deletedAt: number | null): Conversation => ({
  id,
  title: id,
  titleIsCustom: false,
  pinned: false,
  createdAt: 1,
  updatedAt: 1,
  deletedAt,
  model: null,
  profileId: null,
  systemPrompt: null,
  temperature: null,
  contextTurns: null,
});

describe('trash slice', () => {
  it('keeps the trash newest deletion first', () => {
    expect(
      [conv('a', 10), conv('c', 30), conv('b', 20)].reduce(withTrashed, []).map((c) => c.id),
    ).toEqual(['c', 'b', 'a']);
  });

  it('loads, restores into the conversation list, purges and empties', async () => {
    let trash = [conv('b', 20), conv('a', 10), conv('x', 5)];
    const { client, calls, emit } = createFakeClient({
      'conversations.listTrash': () => ({ conversations: trash, nextCursor: null }),
      'conversations.restore': ({ id }) => ({ ...conv(id, null), updatedAt: 99 }),
      'conversations.purge': ({ id }) => {
        trash = trash.filter((c) => c.id !== id);
        return { purged: true as const };
      },
      'conversations.emptyTrash': () => ({ purged: trash.length }),
    });
    const store = createAppStore(client);
    connectEvents(store, client);
    const s = () => store.getState();
    await s().trashActions.load();
    expect(s().trash.items.map((c) => c.id)).toEqual(['b', 'a', 'x']);

    await s().trashActions.restore('a');
    expect(s().trash.items.map((c) => c.id)).toEqual(['b', 'x']);
    expect(s().conversations.map((c) => c.id)).toEqual(['a']);

    await s().trashActions.purge('b');
    expect(s().trash.items.map((c) => c.id)).toEqual(['x']);

    // Deleting from the sidebar while the trash is open adds it there.
    emit('conversations.changed', { id: 'a', conversation: conv('a', 50), removed: true });
    expect(s().trash.items.map((c) => c.id)).toEqual(['a', 'x']);

    await s().trashActions.empty();
    expect(s().trash.items).toEqual([]);
    expect(calls.map((c) => c.route)).toEqual([
      'conversations.listTrash',
      'conversations.restore',
      'conversations.purge',
      'conversations.emptyTrash',
    ]);
  });

  it('a search highlight lasts until a new search or leaving the conversation', async () => {
    const { client } = createFakeClient({
      'history.search': () => ({ results: [], nextCursor: null }),
      'messages.list': () => ({ messages: [], hasMore: false }),
    });
    const store = createAppStore(client);
    const s = () => store.getState();
    await s().conversationActions.setSearchQuery('tiet kiem');
    await s().conversationActions.openSearchResult({
      conversationId: 'c1',
      conversationTitle: 'Tiết kiệm',
      messageId: 'm1',
      role: 'assistant',
      snippet: '',
      ranges: [],
      createdAt: 1,
    });
    expect(s().searchHighlight).toEqual({
      conversationId: 'c1',
      messageId: 'm1',
      query: 'tiet kiem',
    });
    await s().conversationActions.select('c1');
    expect(s().searchHighlight).not.toBeNull();
    await s().conversationActions.setSearchQuery('tiet kiem chi');
    expect(s().searchHighlight).toBeNull();

    store.setState({ searchHighlight: { conversationId: 'c1', messageId: 'm1', query: 'x' } });
    await s().conversationActions.select('c2');
    expect(s().searchHighlight).toBeNull();
  });
});
