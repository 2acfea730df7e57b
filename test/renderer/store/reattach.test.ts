import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/renderer/src/store';
import { createFakeClient } from '../fakeClient';
import { makeMessage } from '../messageFixture';

describe('chat slice: opening a conversation whose answer is streaming', () => {
  it('takes main’s snapshot over the lagging disk copy, then follows the stream', async () => {
    const fake = createFakeClient({
      'messages.list': () => ({
        messages: [
          makeMessage('u1', { role: 'user', content: 'Kể chuyện' }),
          makeMessage('a1', { status: 'streaming', content: 'Ngày xưa' }),
        ],
        hasMore: false,
      }),
      'chat.snapshot': () => ({ content: 'Ngày xửa ngày xưa, có', reasoning: '', seq: 7 }),
    });
    const store = createAppStore(fake.client);
    await store.getState().chatActions.loadThread('c1');
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().chat.messages['a1']?.content).toBe('Ngày xửa ngày xưa, có');
    store.getState().chatActions.onDelta({
      conversationId: 'c1',
      messageId: 'a1',
      seq: 8,
      content: ' một',
      reasoning: '',
    });
    expect(store.getState().chat.messages['a1']?.content).toBe('Ngày xửa ngày xưa, có một');
    expect(fake.calls.filter((c) => c.route === 'chat.snapshot')).toHaveLength(1);
  });

  it('reloads once from disk when the stream ended before the snapshot', async () => {
    let lists = 0;
    const fake = createFakeClient({
      'messages.list': () => {
        lists += 1;
        return {
          messages: [
            makeMessage('a1', {
              status: lists === 1 ? 'streaming' : 'complete',
              content: lists === 1 ? 'Half' : 'Whole answer.',
            }),
          ],
          hasMore: false,
        };
      },
      'chat.snapshot': () => null,
    });
    const store = createAppStore(fake.client);
    await store.getState().chatActions.loadThread('c1');
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().chat.messages['a1']).toMatchObject({
      status: 'complete',
      content: 'Whole answer.',
    });
    expect(lists).toBe(2);
  });
});
