import { describe, expect, it, vi } from 'vitest';
import {
  emptyChatData,
  loadThread,
  type ChatData,
} from '../../../src/renderer/src/store/chatReducers';
import { dropThread, evict, invalidate, touch } from '../../../src/renderer/src/store/messageCache';
import { createAppStore, connectEvents } from '../../../src/renderer/src/store';
import { createFakeClient } from '../fakeClient';
import { makeMessage } from '../messageFixture';

/** ChatData holding conversation `c` with messages `c-m0`, `c-m1` for each id given. */
function withThreads(...ids: string[]): ChatData {
  let data = emptyChatData;
  for (const c of ids)
    data = loadThread(data, c, {
      messages: [0, 1].map((i) => makeMessage(`${c}-m${i}`, { conversationId: c })),
      hasMore: false,
    });
  return data;
}

describe('message cache (pure)', () => {
  it('touch moves a conversation to the most recent end', () => {
    expect(touch(['a', 'b', 'c'], 'a')).toEqual(['b', 'c', 'a']);
    expect(touch(['a'], 'z')).toEqual(['a', 'z']);
  });

  it('evicts the least recent beyond the capacity, with their messages', () => {
    const data = withThreads('a', 'b', 'c', 'd');
    const out = evict(data, ['a', 'b', 'c', 'd'], 2, () => false);
    expect(out.order).toEqual(['c', 'd']);
    expect(Object.keys(out.data.threads).sort()).toEqual(['c', 'd']);
    expect(out.data.messages['a-m0']).toBeUndefined();
    expect(out.data.messages['b-m1']).toBeUndefined();
    expect(out.data.messages['c-m0']).toBeDefined();
  });

  it('never evicts a kept conversation; kept ones use up the capacity first', () => {
    const data = withThreads('a', 'b', 'c', 'd');
    const out = evict(data, ['a', 'b', 'c', 'd'], 2, (id) => id === 'a');
    expect(out.order).toEqual(['a', 'd']);
  });

  it('counts a thread loaded outside the order as the oldest', () => {
    const data = withThreads('new', 'a', 'b');
    const out = evict(data, ['a', 'b'], 2, () => false);
    expect(out.order).toEqual(['a', 'b']);
    expect(out.data.threads['new']).toBeUndefined();
  });

  it("drops a conversation's versions with its messages, and only its own", () => {
    let data = withThreads('a', 'b');
    data = { ...data, versions: { 'a-m1': ['a-m1', 'a-x'], 'b-m1': ['b-m1', 'b-x'] } };
    const out = evict(data, ['a', 'b'], 1, () => false);
    expect(out.data.versions).toEqual({ 'b-m1': ['b-m1', 'b-x'] });
  });

  it('is unchanged within the capacity', () => {
    const data = withThreads('a', 'b');
    expect(evict(data, ['a', 'b'], 2, () => false).data).toBe(data);
  });

  it('invalidation drops a cached conversation but not the open one or one streaming here', () => {
    let data = withThreads('a', 'b', 'c');
    data = { ...data, lastSeq: { 'c-m1': 4 } };
    expect(invalidate(data, 'a', 'b').threads['a']).toBeUndefined();
    expect(invalidate(data, 'b', 'b')).toBe(data);
    expect(invalidate(data, 'c', 'b')).toBe(data);
    expect(dropThread(data, 'zz')).toBe(data);
  });
});

function history(conversations: number) {
  const lists: string[] = [];
  const fake = createFakeClient({
    'messages.list': ({ conversationId }) => {
      lists.push(conversationId);
      return {
        messages: [
          makeMessage(`${conversationId}-m0`, {
            conversationId,
            content: `text of ${conversationId}`,
          }),
        ],
        hasMore: false,
      };
    },
  });
  const store = createAppStore(fake.client);
  connectEvents(store, fake.client);
  const ids = Array.from({ length: conversations }, (_, i) => `c${i}`);
  return { store, fake, lists, ids };
}

describe('message cache in the store', () => {
  it('re-opening a recent conversation shows it from memory, with no request', async () => {
    const { store, lists } = history(2);
    const { select } = store.getState().conversationActions;
    await select('c0');
    await select('c1');
    await select('c0');
    expect(lists).toEqual(['c0', 'c1']);
    expect(store.getState().chat.messages['c0-m0']?.content).toBe('text of c0');
  });

  it('keeps only the most recent conversations: the oldest is read again when reopened', async () => {
    const { store, lists, ids } = history(12);
    const { select } = store.getState().conversationActions;
    for (const id of ids) await select(id);
    const loaded = Object.keys(store.getState().chat.threads);
    expect(loaded.length).toBeLessThanOrEqual(9);
    expect(loaded).toContain('c11');
    expect(loaded).not.toContain('c0');
    expect(store.getState().chat.messages['c0-m0']).toBeUndefined();
    await select('c0');
    expect(lists.filter((c) => c === 'c0')).toHaveLength(2);
  });

  it('a message ringed by a search result is let go when a conversation is opened from the list', async () => {
    const { store } = history(2);
    const actions = store.getState().conversationActions;
    await actions.openSearchResult({
      conversationId: 'c0',
      messageId: 'c0-m0',
    } as Parameters<typeof actions.openSearchResult>[0]);
    expect(store.getState().focusMessageId).toBe('c0-m0');
    await actions.select('c1');
    expect(store.getState().focusMessageId).toBeNull();
    await actions.openSearchResult({
      conversationId: 'c0',
      messageId: 'c0-m0',
    } as Parameters<typeof actions.openSearchResult>[0]);
    actions.newChat();
    expect(store.getState().focusMessageId).toBeNull();
  });

  it('a prefetch loads once; the click that follows uses it', async () => {
    const { store, lists } = history(1);
    await store.getState().chatActions.prefetch('c0');
    await store.getState().chatActions.prefetch('c0');
    await store.getState().conversationActions.select('c0');
    expect(lists).toEqual(['c0']);
  });

  it('a click while the prefetch is under way waits for it instead of asking again', async () => {
    let release = (): void => undefined;
    const calls: string[] = [];
    const fake = createFakeClient({
      'messages.list': async ({ conversationId }) => {
        calls.push(conversationId);
        await new Promise<void>((r) => (release = r));
        return { messages: [makeMessage('m0', { conversationId })], hasMore: false };
      },
    });
    const store = createAppStore(fake.client);
    const prefetch = store.getState().chatActions.prefetch('c0');
    const open = store.getState().conversationActions.select('c0');
    release();
    await Promise.all([prefetch, open]);
    expect(calls).toEqual(['c0']);
    expect(store.getState().chat.threads['c0']?.ids).toEqual(['m0']);
  });

  /** A client whose `messages.list` answers only when released, per conversation. */
  function slowLists() {
    const release = new Map<string, () => void>();
    const fake = createFakeClient({
      'messages.list': async ({ conversationId }) => {
        await new Promise<void>((r) => release.set(conversationId, r));
        return {
          messages: [makeMessage(`${conversationId}-m0`, { conversationId })],
          hasMore: false,
        };
      },
    });
    const until = async (id: string): Promise<() => void> => {
      await vi.waitFor(() => expect(release.has(id)).toBe(true));
      return release.get(id) ?? (() => undefined);
    };
    return { store: createAppStore(fake.client), until };
  }

  it('a click during the prefetch switches once the messages are there, in one update', async () => {
    const { store, until } = slowLists();
    const seen: [string | null, boolean][] = [];
    store.subscribe((s) => seen.push([s.activeConversationId, s.chat.threads['c0'] !== undefined]));
    void store.getState().chatActions.prefetch('c0');
    const open = store.getState().conversationActions.select('c0');
    (await until('c0'))();
    await open;
    expect(store.getState().activeConversationId).toBe('c0');
    // Never the conversation active without its messages.
    expect(seen.some(([active, loaded]) => active === 'c0' && !loaded)).toBe(false);
  });

  it('a conversation chosen while another waits for its messages is the one shown', async () => {
    const { store, until } = slowLists();
    void store.getState().chatActions.prefetch('c0');
    const first = store.getState().conversationActions.select('c0');
    const second = store.getState().conversationActions.select('c1');
    (await until('c1'))();
    await second;
    (await until('c0'))();
    await first;
    expect(store.getState().activeConversationId).toBe('c1');

    void store.getState().chatActions.prefetch('c2');
    const third = store.getState().conversationActions.select('c2');
    store.getState().conversationActions.newChat();
    (await until('c2'))();
    await third;
    expect(store.getState().activeConversationId).toBeNull();
  });

  it('prefetches while the pointer crosses the sidebar do not push out opened conversations', async () => {
    const { store, ids } = history(20);
    const { select } = store.getState().conversationActions;
    for (const id of ids.slice(0, 8)) await select(id);
    for (const id of ids.slice(8)) await store.getState().chatActions.prefetch(id);
    const loaded = Object.keys(store.getState().chat.threads);
    for (const id of ids.slice(0, 8)) expect(loaded).toContain(id);
    expect(loaded).toContain('c19');
    expect(loaded).not.toContain('c18');
  });

  it('a conversation changed in main is read again on its next open', async () => {
    const { store, fake, lists } = history(2);
    const { select } = store.getState().conversationActions;
    await select('c0');
    await select('c1');
    fake.emit('conversations.changed', { id: 'c0', conversation: null, removed: false });
    expect(store.getState().chat.threads['c0']).toBeUndefined();
    // The open conversation is kept current by this window's own events.
    fake.emit('conversations.changed', { id: 'c1', conversation: null, removed: false });
    expect(store.getState().chat.threads['c1']).toBeDefined();
    await select('c0');
    expect(lists).toEqual(['c0', 'c1', 'c0']);
  });
});
