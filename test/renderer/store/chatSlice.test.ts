import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/renderer/src/store';
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
