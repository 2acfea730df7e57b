import { afterEach, describe, expect, it } from 'vitest';
import { FleeceError } from '../../../src/main/errors/FleeceError';
import { CONTINUE_INSTRUCTION } from '../../../src/main/chat/promptAssembly';
import { chatHarness, type Harness } from './chatHarness';
import type { Step } from './scriptedRelay';

const answer = (text: string, usage: [number, number] = [10, 5]): Step[] => [
  { wait: 5 },
  { content: text },
  { usage },
  { done: 'stop' },
];

describe('ChatService continue, regenerate, edit', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('continue asks the model to go on and appends to the same message', async () => {
    h = await chatHarness([
      [{ wait: 5 }, { content: 'Hello wor' }, { hang: true }],
      [
        { wait: 7 },
        { content: 'ld' },
        { wait: 30 },
        { content: '!' },
        { usage: [20, 3] },
        { done: 'stop' },
      ],
    ]);
    const first = await h.service.send({ text: 'Greet the world' });
    const id = first.assistant.id;
    await h.clock.runUntil(() => h.deltas(id).length === 1);
    await h.drive(h.service.stop(id));
    const stopped = h.store.getMessage(id);
    expect(stopped).toMatchObject({
      status: 'stopped',
      content: 'Hello wor',
      tokensEstimated: true,
    });

    const before = h.events.length;
    const ids = await h.service.continue(id);
    expect([ids.conversationId, ids.user?.id, ids.assistant.id]).toEqual([
      first.conversationId,
      first.user?.id,
      first.assistant.id,
    ]);
    expect(h.store.getMessage(id)?.status).toBe('streaming');
    expect(ids.assistant).toEqual(h.store.getMessage(id));
    const done = await h.finish(id);
    expect(h.calls[1]?.request.messages).toEqual([
      { role: 'user', content: 'Greet the world' },
      { role: 'assistant', content: 'Hello wor' },
      { role: 'user', content: CONTINUE_INSTRUCTION },
    ]);
    const newDeltas = h.events
      .slice(before)
      .filter((e) => e.name === 'chat.delta')
      .map((e) => e.payload);
    expect(newDeltas.map((d) => ('seq' in d ? d.seq : 0))).toEqual([1, 2]);
    expect(newDeltas.map((d) => ('content' in d ? d.content : '')).join('')).toBe('ld!');
    const message = h.store.getMessage(id);
    expect(message).toMatchObject({
      status: 'complete',
      content: 'Hello world!',
      finishReason: 'stop',
      tokensEstimated: true,
    });
    // Tokens, cost and duration add up over both streams; time to first token stays the first one.
    expect(message?.promptTokens).toBe((stopped?.promptTokens ?? 0) + 20);
    expect(message?.completionTokens).toBe((stopped?.completionTokens ?? 0) + 3);
    expect(message?.ttftMs).toBe(5);
    expect(message?.durationMs).toBe((stopped?.durationMs ?? 0) + 37);
    expect(done.message).toEqual(message);
    expect(h.store.allMessages(first.conversationId)).toHaveLength(2);
  });

  it('continue works on a length-cut answer and refuses a finished one', async () => {
    h = await chatHarness([
      [{ wait: 5 }, { content: 'One, two' }, { done: 'length' }],
      answer(', three.'),
      answer('unused'),
    ]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'Count' });
    expect(await h.finish(id)).toMatchObject({
      message: { status: 'complete', finishReason: 'length' },
    });
    await h.service.continue(id);
    await h.clock.runUntil(() => h.store.getMessage(id)?.status === 'complete');
    expect(h.store.getMessage(id)?.content).toBe('One, two, three.');
    await expect(h.service.continue(id)).rejects.toBeInstanceOf(FleeceError);
    expect(h.calls).toHaveLength(2);
  });

  it('regenerate adds a version of the answer, asking with the history before it; nothing is deleted', async () => {
    h = await chatHarness([answer('a1'), answer('a2'), answer('a2 again'), answer('a2 third')]);
    const t1 = await h.service.send({ text: 'q1' });
    await h.finish(t1.assistant.id);
    const t2 = await h.service.send({ conversationId: t1.conversationId, text: 'q2' });
    await h.finish(t2.assistant.id);
    const t3 = await h.service.regenerate(t2.assistant.id);
    expect(t3.user?.id).toBe(t2.user?.id);
    expect(t3.assistant.id).not.toBe(t2.assistant.id);
    expect(t3.versions).toEqual({ [t3.assistant.id]: [t2.assistant.id, t3.assistant.id] });
    await h.finish(t3.assistant.id);
    expect(h.calls[2]?.request.messages).toEqual([
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2' },
    ]);
    expect(h.store.pathMessages(t1.conversationId).map((m) => m.content)).toEqual([
      'q1',
      'a1',
      'q2',
      'a2 again',
    ]);
    expect(h.store.getMessage(t2.assistant.id)?.content).toBe('a2');
    const t4 = await h.service.regenerate(t3.assistant.id);
    await h.finish(t4.assistant.id);
    expect(h.store.messageVersions(t4.assistant.id)).toEqual([
      t2.assistant.id,
      t3.assistant.id,
      t4.assistant.id,
    ]);
    expect(h.store.allMessages(t1.conversationId)).toHaveLength(6);
  });

  it('regenerating an older answer branches there, keeping the later turns on the first branch', async () => {
    h = await chatHarness([answer('a1'), answer('a2'), answer('a1 again'), answer('a3')]);
    const t1 = await h.service.send({ text: 'q1' });
    await h.finish(t1.assistant.id);
    const t2 = await h.service.send({ conversationId: t1.conversationId, text: 'q2' });
    await h.finish(t2.assistant.id);
    const t3 = await h.service.regenerate(t1.assistant.id);
    await h.finish(t3.assistant.id);
    expect(h.calls[2]?.request.messages).toEqual([{ role: 'user', content: 'q1' }]);
    expect(h.store.pathMessages(t1.conversationId).map((m) => m.content)).toEqual([
      'q1',
      'a1 again',
    ]);
    // A question sent now follows the path on screen, and its prompt is that path.
    const t4 = await h.service.send({ conversationId: t1.conversationId, text: 'q3' });
    await h.finish(t4.assistant.id);
    expect(h.calls[3]?.request.messages).toEqual([
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1 again' },
      { role: 'user', content: 'q3' },
    ]);
    h.store.chooseVersion(t1.assistant.id);
    expect(h.store.pathMessages(t1.conversationId).map((m) => m.content)).toEqual([
      'q1',
      'a1',
      'q2',
      'a2',
    ]);
    const refused = await h.service.regenerate(t2.user?.id ?? '').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FleeceError);
    expect(refused).toMatchObject({ code: 'bad_request' });
    expect(h.calls).toHaveLength(4);
  });

  it('continue keeps the conversation temperature, and refuses an answer with no text yet', async () => {
    h = await chatHarness([
      [{ wait: 5 }, { content: 'Once upon' }, { hang: true }],
      answer(' a time.'),
      [{ wait: 5 }, { reasoning: 'Let me think' }, { hang: true }],
    ]);
    const c = h.store.createConversation({ temperature: 0.2 });
    const t1 = await h.service.send({ conversationId: c.id, text: 'A story' });
    await h.clock.runUntil(() => h.deltas(t1.assistant.id).length === 1);
    await h.drive(h.service.stop(t1.assistant.id));
    await h.service.continue(t1.assistant.id);
    await h.finish(t1.assistant.id);
    expect(h.calls.map((call) => call.request.params)).toEqual([
      { temperature: 0.2 },
      { temperature: 0.2 },
    ]);

    const t2 = await h.service.send({ conversationId: c.id, text: 'Another' });
    await h.clock.runUntil(() => h.deltas(t2.assistant.id).length === 1);
    await h.drive(h.service.stop(t2.assistant.id));
    expect(h.store.getMessage(t2.assistant.id)).toMatchObject({
      status: 'stopped',
      content: '',
      reasoning: 'Let me think',
    });
    const refused = await h.service.continue(t2.assistant.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FleeceError);
    expect(refused).toMatchObject({
      code: 'bad_request',
      text: { code: 'continue_no_text' },
    });
    expect(h.store.getMessage(t2.assistant.id)?.status).toBe('stopped');
    expect(h.calls).toHaveLength(3);
  });

  it('edit and resend branches from the question; the first branch keeps its answers', async () => {
    h = await chatHarness([answer('a1'), answer('a2'), answer('fresh')]);
    const t1 = await h.service.send({ text: 'q1' });
    await h.finish(t1.assistant.id);
    const t2 = await h.service.send({ conversationId: t1.conversationId, text: 'q2' });
    await h.finish(t2.assistant.id);
    const t3 = await h.service.editAndResend(t1.user?.id ?? '', 'q1, better');
    expect(t3.user?.id).not.toBe(t1.user?.id);
    expect(t3.user?.content).toBe('q1, better');
    expect(t3.versions?.[t3.user?.id ?? '']).toEqual([t1.user?.id, t3.user?.id]);
    await h.finish(t3.assistant.id);
    expect(h.calls[2]?.request.messages).toEqual([{ role: 'user', content: 'q1, better' }]);
    expect(h.store.pathMessages(t1.conversationId).map((m) => m.content)).toEqual([
      'q1, better',
      'fresh',
    ]);
    expect(h.store.getMessage(t1.user?.id ?? '')?.content).toBe('q1');
    h.store.chooseVersion(t1.user?.id ?? '');
    expect(h.store.pathMessages(t1.conversationId).map((m) => m.content)).toEqual([
      'q1',
      'a1',
      'q2',
      'a2',
    ]);
    await expect(h.service.editAndResend(t1.user?.id ?? '', '  ')).rejects.toBeInstanceOf(
      FleeceError,
    );
    await expect(h.service.regenerate(t1.user?.id ?? '')).rejects.toBeInstanceOf(FleeceError);
  });

  it('editing while an answer streams stops that answer first', async () => {
    h = await chatHarness([
      [{ wait: 5 }, { content: 'partial' }, { hang: true }],
      answer('second'),
    ]);
    const t1 = await h.service.send({ text: 'q' });
    await h.clock.runUntil(() => h.deltas(t1.assistant.id).length === 1);
    const t2 = await h.drive(h.service.editAndResend(t1.user?.id ?? '', 'q again'));
    await h.finish(t2.assistant.id);
    expect(h.done(t1.assistant.id)?.message.status).toBe('stopped');
    expect(h.store.pathMessages(t1.conversationId).map((m) => m.content)).toEqual([
      'q again',
      'second',
    ]);
    expect(h.store.getMessage(t1.assistant.id)?.content).toBe('partial');
  });
});
