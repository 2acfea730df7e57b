import { afterEach, describe, expect, it } from 'vitest';
import { chatHarness, type Harness } from './chatHarness';

describe('reasoning time ("Thought for N s")', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('runs from the first reasoning delta to the first answer delta, on chat.done and on disk', async () => {
    h = await chatHarness([
      [
        { wait: 100 },
        { reasoning: 'Let me' },
        { wait: 50 },
        { reasoning: ' think.' },
        { wait: 1200 },
        { content: 'Answer' },
        { wait: 30 },
        { reasoning: ' (late thought)' },
        { content: '!' },
        { done: 'stop' },
      ],
      [{ wait: 10 }, { content: 'No thinking here.' }, { done: 'stop' }],
    ]);
    const first = await h.service.send({ text: 'Think first' });
    const done = await h.finish(first.assistant.id);
    expect(done.message.reasoningMs).toBe(1250);
    expect(h.store.getMessage(first.assistant.id)).toMatchObject({
      reasoning: 'Let me think. (late thought)',
      reasoningMs: 1250,
      durationMs: 1380,
    });

    const second = await h.service.send({ conversationId: first.conversationId, text: 'Quick' });
    expect((await h.finish(second.assistant.id)).message.reasoningMs).toBeNull();
    expect(h.store.getMessage(second.assistant.id)?.reasoningMs).toBeNull();
  });

  it('runs to the end when no answer followed', async () => {
    h = await chatHarness([
      [
        { wait: 5 },
        { reasoning: 'Hmm' },
        { wait: 500 },
        { reasoning: '…' },
        { wait: 200 },
        { fail: { kind: 'network', text: 'relay_connection_closed' } },
      ],
    ]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'q' });
    expect(await h.finish(id)).toMatchObject({
      message: { status: 'interrupted', reasoningMs: 700 },
    });
    expect(h.store.getMessage(id)).toMatchObject({ reasoning: 'Hmm…', reasoningMs: 700 });
  });

  it('adds up over a Continue', async () => {
    h = await chatHarness([
      [{ wait: 10 }, { reasoning: 'First' }, { wait: 100 }, { content: 'Part' }, { hang: true }],
      [{ wait: 5 }, { reasoning: ' again' }, { wait: 40 }, { content: ' two.' }, { done: 'stop' }],
    ]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'q' });
    await h.clock.runUntil(() => h.deltas(id).some((d) => d.content !== ''));
    await h.drive(h.service.stop(id));
    expect(h.store.getMessage(id)?.reasoningMs).toBe(100);
    await h.service.continue(id);
    expect((await h.finish(id)).message.reasoningMs).toBe(140);
    expect(h.store.getMessage(id)).toMatchObject({
      content: 'Part two.',
      reasoning: 'First again',
      reasoningMs: 140,
    });
  });
});
