import { afterEach, describe, expect, it } from 'vitest';
import type { ChatDone } from '../../../src/shared/types/chat';
import type { ConversationChange } from '../../../src/main/history/conversationChange';
import { chatHarness, type Harness } from './chatHarness';
import type { Step } from './scriptedRelay';

const answer = (text: string): Step[] => [{ content: text }, { usage: [3, 4] }, { done: 'stop' }];

describe('ChatService owns the life of the conversations it starts', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('a first message starts a conversation with the active profile’s defaults, and says so', async () => {
    const changes: ConversationChange[] = [];
    h = await chatHarness([answer('Xin chào')], {
      newConversationDefaults: () => ({
        profileId: 'p1',
        systemPrompt: 'Trả lời ngắn gọn.',
        temperature: 0.3,
      }),
      emitChanged: (change) => changes.push(change),
    });
    const ids = await h.service.send({ text: 'Chào', model: 'deepseek-chat' });
    await h.finish(ids.assistant.id);
    expect(h.store.getConversation(ids.conversationId)).toMatchObject({
      profileId: 'p1',
      systemPrompt: 'Trả lời ngắn gọn.',
      temperature: 0.3,
      model: 'deepseek-chat',
    });
    // Once when it is made, once when the answer is in (with its title).
    expect(changes.map((c) => [c.id, c.removed])).toEqual([
      [ids.conversationId, false],
      [ids.conversationId, false],
    ]);
    expect(changes.at(-1)?.conversation).toEqual(h.store.getConversation(ids.conversationId));
    expect(h.calls[0]?.request.messages[0]).toEqual({
      role: 'system',
      content: 'Trả lời ngắn gọn.',
    });
    expect(h.calls[0]?.request.params).toEqual({ temperature: 0.3 });
  });

  it('removes the conversation again when the first message is refused', async () => {
    h = await chatHarness([answer('unused')]);
    const store = h.store;
    // A second service on the same store, whose writes of messages fail.
    const failing = await chatHarness([answer('unused')], {
      history: new Proxy(store, {
        get(target, key, receiver) {
          if (key === 'appendMessage')
            return () => {
              throw new Error('disk full');
            };
          const value: unknown = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
    });
    await failing.dir.cleanup();
    await expect(failing.service.send({ text: 'Hello' })).rejects.toThrow('disk full');
    expect(store.listConversations().conversations).toEqual([]);
    expect(failing.calls).toHaveLength(0);
  });

  it('announces the conversation’s new state and the finished answer after each turn', async () => {
    const changes: ConversationChange[] = [];
    const done: ChatDone[] = [];
    h = await chatHarness([answer('One'), answer('Two')], {
      emitChanged: (change) => changes.push(change),
      onDone: (d) => done.push(d),
    });
    const first = await h.service.send({ text: 'Count' });
    await h.finish(first.assistant.id);
    const after = changes.at(-1);
    expect(after?.id).toBe(first.conversationId);
    expect(after?.conversation?.title).not.toBe('');
    expect(done.map((d) => [d.message.id, d.message.status, d.message.cost])).toEqual([
      [first.assistant.id, 'complete', expect.any(Number)],
    ]);
    // A conversation trashed while its answer streamed is announced as removed.
    const second = await h.service.send({ conversationId: first.conversationId, text: 'More' });
    h.store.trashConversation(first.conversationId);
    await h.finish(second.assistant.id);
    expect(changes.at(-1)).toMatchObject({ id: first.conversationId, removed: true });
  });

  it('stops an answer that is still being written before deleting it', async () => {
    h = await chatHarness([[{ content: 'Half' }, { hang: true }]]);
    const ids = await h.service.send({ text: 'Long one' });
    await h.clock.runUntil(() => h.deltas(ids.assistant.id).length > 0);
    await h.drive(h.service.deleteMessage(ids.assistant.id));
    expect(h.service.activeStreams()).toEqual([]);
    expect(h.store.getMessage(ids.assistant.id)).toBeNull();
    expect(h.done(ids.assistant.id)?.message.status).toBe('stopped');
  });
});

describe('ChatService and the conversation’s profile', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('a first message on another profile’s model starts the conversation on that profile', async () => {
    const asked: (string | undefined)[] = [];
    h = await chatHarness([answer('Hi'), answer('Again')], {
      newConversationDefaults: (profileId) => {
        asked.push(profileId);
        return { profileId: profileId ?? 'active', systemPrompt: null, temperature: null };
      },
    });
    const ids = await h.service.send({ text: 'Hello', model: 'qwen3:8b', profileId: 'p2' });
    await h.finish(ids.assistant.id);
    expect(asked).toEqual(['p2']);
    expect(h.store.getConversation(ids.conversationId)).toMatchObject({
      profileId: 'p2',
      model: 'qwen3:8b',
    });
    expect(h.calls[0]?.request.model).toBe('qwen3:8b');
  });

  it('a send that names another profile moves the conversation to it', async () => {
    h = await chatHarness([answer('One'), answer('Two')]);
    const first = await h.service.send({ text: 'One', model: 'gpt-4o' });
    await h.finish(first.assistant.id);
    const second = await h.service.send({
      conversationId: first.conversationId,
      text: 'Two',
      model: 'deepseek-chat',
      profileId: 'p2',
    });
    await h.finish(second.assistant.id);
    expect(h.store.getConversation(first.conversationId)).toMatchObject({
      profileId: 'p2',
      model: 'deepseek-chat',
    });
    expect(h.calls[1]?.request.model).toBe('deepseek-chat');
  });
});
