import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/renderer/src/store';
import { FIRST_PAGE_SIZE, PAGE_SIZE } from '../../../src/renderer/src/store/slices/chatSlice';
import { createFakeClient } from '../fakeClient';
import { makeMessage } from '../messageFixture';

const ids = {
  conversationId: 'c1',
  user: makeMessage('u1', { role: 'user', content: 'q', model: null }),
  assistant: makeMessage('a1', { status: 'streaming' }),
};

function delta(seq: number, content: string) {
  return { conversationId: 'c1', messageId: 'a1', seq, content, reasoning: '' };
}

describe('chat slice: lost events', () => {
  it('resynchronises from main’s snapshot after a gap and applies what arrived meanwhile', async () => {
    let release: (v: { content: string; reasoning: string; seq: number }) => void = () => undefined;
    const fake = createFakeClient({
      'chat.send': () => ids,
      'chat.snapshot': () => new Promise((r) => (release = r)),
    });
    const store = createAppStore(fake.client);
    store.setState({ activeProfileId: 'p1' });
    await store.getState().chatActions.send('q');
    const a = store.getState().chatActions;
    a.onDelta(delta(1, 'Hello'));
    a.onDelta(delta(3, ' more')); // seq 2 was lost
    a.onDelta(delta(4, ' text.'));
    expect(store.getState().chat.messages['a1']?.content).toBe('Hello');
    release({ content: 'Hello world and more', reasoning: '', seq: 3 });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().chat.messages['a1']?.content).toBe('Hello world and more text.');
    a.onDelta(delta(5, ' End.'));
    expect(store.getState().chat.messages['a1']?.content).toBe('Hello world and more text. End.');
  });

  it('a stream that ends during the resync is reloaded from disk', async () => {
    const fake = createFakeClient({
      'chat.send': () => ids,
      'chat.snapshot': () => null,
      'messages.list': () => ({
        messages: [
          makeMessage('a1', {
            content: 'Final text from disk.',
            model: null,
            finishReason: 'stop',
          }),
        ],
        hasMore: false,
      }),
    });
    const store = createAppStore(fake.client);
    store.setState({ activeProfileId: 'p1' });
    await store.getState().chatActions.send('q');
    store.getState().chatActions.onDelta(delta(2, 'x'));
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().chat.messages['a1']?.content).toBe('Final text from disk.');
  });

  it('ignores deltas for messages it does not hold', () => {
    const fake = createFakeClient({});
    const store = createAppStore(fake.client);
    const before = store.getState().chat;
    store.getState().chatActions.onDelta({
      conversationId: 'cX',
      messageId: 'mX',
      seq: 4,
      content: 'x',
      reasoning: '',
    });
    expect(store.getState().chat).toBe(before);
    expect(fake.calls).toEqual([]);
  });
});

describe('chat slice: opening a conversation from disk', () => {
  /** Main's pages of a conversation of `count` messages, newest last, as `messages.list` serves them. */
  function longHistory(count: number) {
    const all = Array.from({ length: count }, (_, i) =>
      makeMessage(`m${i}`, { conversationId: 'long', role: i % 2 ? 'assistant' : 'user' }),
    );
    const asked: { before?: string; limit?: number }[] = [];
    const fake = createFakeClient({
      'messages.list': ({ before, limit }) => {
        asked.push({ before, limit });
        const end = before === undefined ? all.length : all.findIndex((m) => m.id === before);
        const start = Math.max(0, end - (limit ?? 200));
        return { messages: all.slice(start, end), hasMore: start > 0 };
      },
    });
    return { store: createAppStore(fake.client), asked };
  }

  it('shows a first page that fills the window, then the rest of the newest page after it is painted', async () => {
    const { store, asked } = longHistory(450);
    await store.getState().conversationActions.select('long');
    // What the first frame needs, and no more.
    expect(asked).toEqual([{ before: undefined, limit: FIRST_PAGE_SIZE }]);
    expect(store.getState().chat.threads['long']?.ids).toHaveLength(FIRST_PAGE_SIZE);
    await vi.waitFor(() =>
      expect(store.getState().chat.threads['long']?.ids).toHaveLength(PAGE_SIZE),
    );
    const thread = store.getState().chat.threads['long'];
    expect(asked[1]).toEqual({
      before: `m${450 - FIRST_PAGE_SIZE}`,
      limit: PAGE_SIZE - FIRST_PAGE_SIZE,
    });
    // In order, newest last, with nothing twice, and more still on disk.
    expect(thread?.ids).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => `m${250 + i}`));
    expect(thread?.hasMore).toBe(true);
    // Scrolling back then goes on a page at a time.
    await store.getState().chatActions.loadOlder('long');
    expect(store.getState().chat.threads['long']?.ids[0]).toBe('m50');
    expect(asked).toHaveLength(3);
  });

  it('asks for nothing more when the first page holds the whole conversation', async () => {
    const { store, asked } = longHistory(12);
    await store.getState().conversationActions.select('long');
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toHaveLength(1);
    expect(store.getState().chat.threads['long']?.ids).toHaveLength(12);
  });
});
