import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_INTERVAL_MS } from '../../../src/main/chat/ChatTurn';
import { DELTA_INTERVAL_MS } from '../../../src/main/chat/DeltaBatcher';
import { UNEXPECTED_FAILURE } from '../../../src/main/chat/errors';
import { FleeceError } from '../../../src/main/errors/FleeceError';
import { encodeCodedText, encodeFailureText } from '../../../src/shared/failureText';
import { chatHarness, type Harness } from './chatHarness';
import { trickle, type Step } from './scriptedRelay';

describe('ChatService streaming', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('returns ids at once, sends the first delta immediately, then at most one per DELTA_INTERVAL_MS with contiguous seq', async () => {
    const script: Step[] = [
      { wait: 100 },
      { content: 'A' },
      ...trickle('b'.repeat(60), 1, 1),
      { wait: 40 },
      { content: 'C' },
      { usage: [11, 62] },
      { done: 'stop' },
    ];
    h = await chatHarness([script]);
    const ids = await h.service.send({ text: 'Say something', model: 'deepseek-chat' });
    // Stored before any token arrives.
    expect(h.store.getMessage(ids.user?.id ?? '')?.content).toBe('Say something');
    expect(h.store.getMessage(ids.assistant.id)?.status).toBe('streaming');
    expect(h.service.activeStreams()).toEqual([
      { conversationId: ids.conversationId, messageId: ids.assistant.id },
    ]);

    const done = await h.finish(ids.assistant.id);
    const deltas = h.deltas(ids.assistant.id);
    expect(deltas[0]).toMatchObject({ seq: 1, content: 'A', at: 100 });
    expect(deltas.map((d) => d.seq)).toEqual(deltas.map((_, i) => i + 1));
    for (let i = 1; i < deltas.length; i++) {
      expect((deltas[i]?.at ?? 0) - (deltas[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(
        DELTA_INTERVAL_MS,
      );
    }
    // 62 relay deltas were coalesced: 'A', one event per interval over the 60 ms of 'b's, 'C'.
    expect(deltas.length).toBeLessThan(62);
    expect(deltas.length).toBeLessThanOrEqual(Math.ceil(60 / DELTA_INTERVAL_MS) + 3);
    expect(deltas.map((d) => d.content).join('')).toBe(`A${'b'.repeat(60)}C`);
    expect(h.events.at(-1)?.name).toBe('chat.done');
    expect(done).toMatchObject({
      conversationId: ids.conversationId,
      message: {
        status: 'complete',
        finishReason: 'stop',
        promptTokens: 11,
        completionTokens: 62,
        tokensEstimated: false,
        ttftMs: 100,
        durationMs: 200,
      },
    });
    expect(done.message.cost).toBeCloseTo(11e-6 + 124e-6, 12);
    expect(h.store.getMessage(ids.assistant.id)).toMatchObject({
      status: 'complete',
      content: `A${'b'.repeat(60)}C`,
      model: 'deepseek-chat',
      profileId: 'p1',
      promptTokens: 11,
      completionTokens: 62,
      tokensEstimated: false,
      ttftMs: 100,
      durationMs: 200,
      finishReason: 'stop',
    });
    expect(h.calls[0]?.request).toMatchObject({
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKey: 'hsa-test',
      model: 'deepseek-chat',
      messages: [{ role: 'user', content: 'Say something' }],
    });
    expect(h.store.getConversation(ids.conversationId)?.title).toBe('Say something');
  });

  it('checkpoints the growing text at most every 250 ms, one prefix of the answer at a time', async () => {
    const answer = Array.from({ length: 200 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(
      '',
    );
    h = await chatHarness([[...trickle(answer, 1, 10), { done: 'stop' }]]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'go' });
    const writes: { at: number; content: string }[] = [];
    let last = '';
    await h.clock.runUntil(
      () => h.done(id) !== undefined,
      (now) => {
        const m = h.store.getMessage(id);
        if (m?.status === 'streaming' && m.content !== last)
          writes.push({ at: now, content: (last = m.content) });
      },
    );
    expect(writes.length).toBeGreaterThanOrEqual(6); // a 2 s stream
    for (let i = 1; i < writes.length; i++) {
      expect((writes[i]?.at ?? 0) - (writes[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(
        CHECKPOINT_INTERVAL_MS,
      );
    }
    for (const w of writes) expect(answer.startsWith(w.content)).toBe(true);
    expect(h.store.getMessage(id)?.content).toBe(answer);
  });

  it('stop aborts the relay and keeps the partial text as stopped', async () => {
    h = await chatHarness([
      [{ wait: 10 }, { content: 'Hello ' }, { wait: 10 }, { content: 'wor' }, { hang: true }],
    ]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'hi' });
    await h.clock.runUntil(
      () =>
        h
          .deltas(id)
          .map((d) => d.content)
          .join('') === 'Hello wor',
    );
    expect(await h.drive(h.service.stop(id))).toBe(true);
    expect(h.calls[0]?.options.signal.aborted).toBe(true);
    expect(h.store.getMessage(id)).toMatchObject({
      status: 'stopped',
      content: 'Hello wor',
      errorKind: null,
    });
    expect(h.done(id)).toMatchObject({ message: { status: 'stopped' } });
    expect(h.done(id)?.failure).toBeUndefined();
    expect(h.service.activeStreams()).toEqual([]);
    expect(await h.service.stop(id)).toBe(false);
  });

  it('a relay failure after text is interrupted, with the partial saved (including what only the error carried)', async () => {
    const fail = {
      kind: 'timeout_idle' as const,
      text: 'relay_idle_timeout' as const,
      partial: { content: 'Part one, part two', reasoning: '' },
    };
    h = await chatHarness([[{ wait: 5 }, { content: 'Part one' }, { wait: 5 }, { fail }]]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'q' });
    const done = await h.finish(id);
    expect(done).toMatchObject({
      message: { status: 'interrupted' },
      failure: { kind: 'timeout_idle', text: { code: 'relay_idle_timeout' } },
    });
    expect(done.message.tokensEstimated).toBe(true);
    expect(
      h
        .deltas(id)
        .map((d) => d.content)
        .join(''),
    ).toBe('Part one, part two');
    expect(h.store.getMessage(id)).toMatchObject({
      status: 'interrupted',
      content: 'Part one, part two',
      errorKind: 'timeout_idle',
    });
  });

  it('a failure before any text is an error, with the hint and no usage', async () => {
    const fail = {
      kind: 'auth' as const,
      text: 'relay_key_refused' as const,
      hint: 'hint_key_openai_on_holysheep' as const,
    };
    h = await chatHarness([[{ wait: 5 }, { fail }]]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'q' });
    const done = await h.finish(id);
    expect(done).toMatchObject({
      message: {
        status: 'error',
        promptTokens: null,
        completionTokens: null,
        cost: null,
        ttftMs: null,
      },
      failure: {
        kind: 'auth',
        text: { code: 'relay_key_refused' },
        hint: { code: 'hint_key_openai_on_holysheep' },
      },
    });
    expect(h.store.getMessage(id)).toMatchObject({
      status: 'error',
      content: '',
      errorKind: 'auth',
      errorMessage: encodeFailureText({
        text: { code: 'relay_key_refused' },
        hint: { code: 'hint_key_openai_on_holysheep' },
      }),
      errorHint: encodeCodedText({ code: 'hint_key_openai_on_holysheep' }),
    });
  });

  it('a stream that ends without done is interrupted; a target that cannot be resolved is an error', async () => {
    h = await chatHarness([[{ wait: 5 }, { content: 'half' }]]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'q' });
    expect(await h.finish(id)).toMatchObject({
      message: { status: 'interrupted' },
      failure: { kind: 'interrupted' },
    });
    h.dir.cleanup();

    h = await chatHarness([], {
      resolveTarget: () =>
        Promise.reject(new FleeceError('model_missing', { params: { profile: 'Work' } })),
    });
    const second = await h.service.send({ text: 'q' });
    expect(h.events).toEqual([]); // the ids go back before any event, even for an instant failure
    expect(await h.finish(second.assistant.id)).toMatchObject({
      message: { status: 'error' },
      failure: {
        kind: 'model_not_found',
        text: { code: 'model_missing', params: { profile: 'Work' } },
      },
    });
    expect(h.calls).toEqual([]);
  });

  it('a stream that ends before any text is not called cut off', async () => {
    h = await chatHarness([[{ wait: 5 }]]);
    const id = (await h.service.send({ text: 'q' })).assistant.id;
    expect(await h.finish(id)).toMatchObject({
      message: { status: 'error' },
      failure: { kind: 'no_answer' },
    });
    expect(h.store.getMessage(id)).toMatchObject({ status: 'error', errorKind: 'no_answer' });
  });

  it('an unexpected exception shows a generic message everywhere and logs the real one', async () => {
    const logged: { message: string; error: unknown }[] = [];
    const bug = new TypeError(
      "Cannot read properties of undefined (reading 'baseUrl') at /opt/x.js",
    );
    h = await chatHarness([], {
      resolveTarget: () => Promise.reject(bug),
      log: (message, error) => logged.push({ message, error }),
    });
    const {
      assistant: { id },
    } = await h.service.send({ text: 'q' });
    const done = await h.finish(id);
    expect(done).toMatchObject({
      message: { status: 'error' },
      failure: { kind: 'bad_request', text: UNEXPECTED_FAILURE },
    });
    expect(h.store.getMessage(id)).toMatchObject({
      status: 'error',
      errorMessage: encodeFailureText({ text: UNEXPECTED_FAILURE }),
    });
    expect(JSON.stringify(done)).not.toContain('baseUrl');
    expect(logged.map((l) => l.error)).toEqual([bug]);
  });

  it('estimates tokens with gpt-tokenizer when the relay sends no usage', async () => {
    h = await chatHarness([
      [{ wait: 5 }, { content: 'Hello there, my friend. Tiết kiệm 中转站.' }, { done: 'stop' }],
    ]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'Please greet me warmly' });
    const done = await h.finish(id);
    expect(done.message).toMatchObject({ tokensEstimated: true });
    expect(done.message.completionTokens).toBeGreaterThan(5);
    expect(done.message.completionTokens).toBeLessThan(30);
    expect(done.message.promptTokens).toBeGreaterThan(4);
    expect(h.store.getMessage(id)?.tokensEstimated).toBe(true);
  });

  it('passes the system prompt and temperature, and dispose records running answers as interrupted', async () => {
    h = await chatHarness([[{ wait: 5 }, { content: 'thinking…' }, { hang: true }]]);
    const c = h.store.createConversation({
      systemPrompt: 'Answer in Vietnamese.',
      temperature: 0.3,
    });
    const {
      assistant: { id },
    } = await h.service.send({ conversationId: c.id, text: 'q' });
    await h.clock.runUntil(() => h.deltas(id).length === 1);
    expect(h.calls[0]?.request.messages[0]).toEqual({
      role: 'system',
      content: 'Answer in Vietnamese.',
    });
    expect(h.calls[0]?.request.params).toEqual({ temperature: 0.3 });
    await h.drive(h.service.dispose());
    expect(h.store.getMessage(id)).toMatchObject({
      status: 'interrupted',
      content: 'thinking…',
      errorKind: 'interrupted',
    });
    expect(h.service.activeStreams()).toEqual([]);
  });
});
