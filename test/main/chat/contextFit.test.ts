import { afterEach, describe, expect, it } from 'vitest';
import type { RelayChatMessage } from '../../../src/main/chat/relayTypes';
import { SUMMARY_INSTRUCTION, SUMMARY_PREFIX } from '../../../src/shared/rules/contextSummary';
import { chatHarness, type Harness } from './chatHarness';

/** Sent messages' texts, system prompt included. */
const texts = (messages: readonly RelayChatMessage[] | undefined) =>
  (messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : '[parts]'));

describe('ChatService: the prompt fits the context', () => {
  let h: Harness;
  afterEach(async () => {
    await h.drive(h.service.dispose());
    h.dir.cleanup();
  });

  /** A conversation of `turns` answered questions, each question and answer `chars` long. */
  function seed(turns: number, chars: number, settings: { contextTurns?: number } = {}) {
    const c = h.store.createConversation({
      model: 'small-model',
      systemPrompt: 'Be brief.',
      ...settings,
    });
    for (let i = 0; i < turns; i++) {
      h.store.appendMessage({
        conversationId: c.id,
        role: 'user',
        content: `q${i} ${'x'.repeat(chars)}`,
      });
      h.store.appendMessage({
        conversationId: c.id,
        role: 'assistant',
        content: `a${i} ${'y'.repeat(chars)}`,
      });
    }
    return c;
  }

  it("leaves out the oldest turns beyond the model's window, keeping the system prompt and the question", async () => {
    // A window of 2,048 tokens keeps 256 for the answer.
    h = await chatHarness([[{ content: 'ok' }]], { contextWindow: () => 2_048 });
    const c = seed(12, 400);
    const { assistant } = await h.service.send({ conversationId: c.id, text: 'newest question' });
    await h.finish(assistant.id);
    const sent = texts(h.calls[0]?.request.messages);
    expect(sent[0]).toBe('Be brief.');
    expect(sent.at(-1)).toBe('newest question');
    // System 7 + question 8 + 210 a turn (105 each side) ≤ 2,048 - 256: the newest 8 turns.
    expect(sent.slice(1, -1).map((t) => t.split(' ')[0])).toEqual(
      [4, 5, 6, 7, 8, 9, 10, 11].flatMap((i) => [`q${i}`, `a${i}`]),
    );
    // Nothing is deleted: the conversation still holds every message.
    expect(h.store.pathMessages(c.id)).toHaveLength(12 * 2 + 2);
  });

  it("sends at most the conversation's number of past turns", async () => {
    h = await chatHarness([[{ content: 'ok' }]]);
    const c = seed(5, 10, { contextTurns: 2 });
    const { assistant } = await h.service.send({ conversationId: c.id, text: 'now' });
    await h.finish(assistant.id);
    expect(texts(h.calls[0]?.request.messages).map((t) => t.split(' ')[0])).toEqual([
      'Be',
      'q3',
      'a3',
      'q4',
      'a4',
      'now',
    ]);
  });

  it('sends everything when it fits', async () => {
    h = await chatHarness([[{ content: 'ok' }]], { contextWindow: () => 128_000 });
    const c = seed(5, 100);
    const { assistant } = await h.service.send({ conversationId: c.id, text: 'now' });
    await h.finish(assistant.id);
    expect(h.calls[0]?.request.messages).toHaveLength(1 + 10 + 1);
  });

  it('a summary of the conversation is a message of its own, sent instead of what it covers', async () => {
    const recorded: unknown[] = [];
    h = await chatHarness(
      [[{ content: 'They talked about x and y.' }, { usage: [300, 9] }], [{ content: 'ok' }]],
      { recordSummaryUsage: (u) => recorded.push(u) },
    );
    const c = seed(3, 10);
    const summary = await h.drive(h.service.summarise(c.id));
    // Its cost is counted like an answer's (on the Usage page), with the model asked.
    expect(recorded).toEqual([
      {
        conversationId: c.id,
        model: 'small-model',
        profileId: 'p1',
        promptTokens: 300,
        completionTokens: 9,
        tokensEstimated: false,
      },
    ]);
    expect(summary).toMatchObject({ role: 'system', content: 'They talked about x and y.' });
    const asked = h.calls[0]?.request.messages ?? [];
    expect(asked[0]?.content).toBe(SUMMARY_INSTRUCTION);
    expect(asked[1]?.content).toMatch(/^User:\nq0 x+\n\nAssistant:\na0 y+/);
    expect(h.store.pathMessages(c.id).at(-1)?.id).toBe(summary.id);

    const { assistant } = await h.service.send({ conversationId: c.id, text: 'next' });
    await h.finish(assistant.id);
    expect(texts(h.calls[1]?.request.messages)).toEqual([
      'Be brief.',
      `${SUMMARY_PREFIX}They talked about x and y.`,
      'next',
    ]);
    // Everything is still there, the summary on the path between the old turns and the new one.
    expect(h.store.pathMessages(c.id)).toHaveLength(3 * 2 + 1 + 2);
  });

  it('a summary the user stops adds nothing, and what it cost so far is still counted', async () => {
    const recorded: { completionTokens: number; tokensEstimated: boolean }[] = [];
    h = await chatHarness([[{ content: 'They talked' }, { hang: true }]], {
      recordSummaryUsage: (u) => recorded.push(u),
    });
    const c = seed(3, 10);
    const before = h.store.pathMessages(c.id).map((m) => m.id);
    const asked = h.service.summarise(c.id).catch((error: unknown) => error);
    // One at a time per conversation.
    await expect(h.service.summarise(c.id)).rejects.toThrow('bad_request/summary_running');
    await h.clock.runUntil(() => h.calls.length === 1);
    expect(h.service.stopSummary(c.id)).toBe(true);
    expect(await h.drive(asked)).toMatchObject({ code: 'aborted' });
    expect(h.store.pathMessages(c.id).map((m) => m.id)).toEqual(before);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.tokensEstimated).toBe(true);
    expect(recorded[0]?.completionTokens).toBeGreaterThan(0);
    // Nothing runs any more: stopping again says so, and a new summary may start.
    expect(h.service.stopSummary(c.id)).toBe(false);
  });

  it('refuses to summarise an empty conversation', async () => {
    h = await chatHarness([]);
    const c = h.store.createConversation({});
    await expect(h.service.summarise(c.id)).rejects.toMatchObject({ code: 'bad_request' });
    expect(h.calls).toHaveLength(0);
  });
});
