import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatService } from '../../../src/main/chat/ChatService';
import type { RelayStreamEvent, StreamChat } from '../../../src/main/chat/relayTypes';
import type { ChatDone } from '../../../src/shared/types/chat';
import { UsageFixture } from './usageFixture';

/** A relay that answers every request with `text`, and with a usage chunk when given one. */
function relay(text: string, usage: [number, number] | null): StreamChat {
  return async function* (): AsyncGenerator<RelayStreamEvent> {
    yield { type: 'delta', content: text };
    if (usage)
      yield {
        type: 'usage',
        promptTokens: usage[0],
        completionTokens: usage[1],
        totalTokens: usage[0] + usage[1],
      };
    yield { type: 'done', finishReason: 'stop' };
  };
}

describe('cost stored by the chat service when an answer completes', () => {
  let f: UsageFixture;
  beforeEach(async () => {
    f = await UsageFixture.open();
    f.time = Date.UTC(2025, 6, 10, 9);
  });
  afterEach(() => f.close());

  async function ask(model: string, streamChat: StreamChat): Promise<ChatDone> {
    let resolveDone: (done: ChatDone) => void = () => undefined;
    const finished = new Promise<ChatDone>((resolve) => (resolveDone = resolve));
    const chat = new ChatService({
      history: f.history,
      streamChat,
      resolveTarget: async () => ({ profileId: 'p1', baseUrl: 'http://127.0.0.1:9/v1', model }),
      emit: (name: 'chat.delta' | 'chat.done', payload: unknown) => {
        if (name === 'chat.done') resolveDone(payload as ChatDone);
      },
      now: () => f.time,
      computeCost: (m, u) => f.usage.computeCost(m, u),
    });
    const ids = await chat.send({ text: 'Chi phí mỗi triệu token là bao nhiêu?' });
    const done = await finished;
    await chat.dispose();
    expect(done.message.id).toBe(ids.assistant.id);
    expect(f.history.getMessage(ids.assistant.id)?.cost).toBe(done.message.cost);
    return done;
  }

  const july = () => f.usage.summary({ from: '2025-07-01', to: '2025-08-01', timeZone: 'UTC' });

  it('prices the relay’s usage (default table: output only)', async () => {
    const done = await ask('deepseek-chat', relay('Rẻ lắm.', [1000, 2000]));
    expect(done.message).toMatchObject({
      promptTokens: 1000,
      completionTokens: 2000,
      tokensEstimated: false,
    });
    expect(done.message.cost).toBeCloseTo((2000 * 0.42) / 1e6, 15);
    const s = july();
    expect(s.totals.costUsd).toBeCloseTo(0.00084, 15);
    expect(s.models[0]).toMatchObject({
      model: 'deepseek-chat',
      coverage: 'output_only',
      estimatedAnswers: 0,
    });
  });

  it('prices estimated tokens when the relay sends no usage, and flags them', async () => {
    await f.usage.updatePrices([{ model: 'gpt-4.1', inputPerMTok: 2, outputPerMTok: 8 }]);
    const done = await ask('gpt-4.1', relay('Khoảng 8 đô la cho mỗi triệu token đầu ra.', null));
    expect(done.message.tokensEstimated).toBe(true);
    const promptTokens = done.message.promptTokens ?? 0;
    const completionTokens = done.message.completionTokens ?? 0;
    expect(promptTokens).toBeGreaterThan(5);
    expect(completionTokens).toBeGreaterThan(5);
    expect(done.message.cost).toBeCloseTo((promptTokens * 2 + completionTokens * 8) / 1e6, 15);
    const s = july();
    expect(s.totals).toMatchObject({
      answers: 1,
      estimatedAnswers: 1,
      pricedAnswers: 1,
      promptTokens,
      completionTokens,
    });
  });

  it('stores no cost for a model without a price: "—", not $0', async () => {
    const done = await ask('mystery-model', relay('…', [10, 20]));
    expect(done.message.cost).toBeNull();
    const s = july();
    expect(s.totals).toMatchObject({ costUsd: 0, pricedAnswers: 0, unpricedAnswers: 1 });
    expect(s.models[0]?.coverage).toBe('none');
  });
});
