import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatService } from '../../../src/main/chat/ChatService';
import { disposeTokenCounter } from '../../../src/main/chat/tokenEstimate';
import { streamChat } from '../../../src/main/relay/index';
import type { ChatDone, ChatRetryWait } from '../../../src/shared/types/chat';
import {
  errorResponse,
  startFakeRelay,
  tokensScript,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { TempDir } from '../history/tempStore';

const WAIT_MS = 600;

let relay: FakeRelay;
let dir: TempDir;
beforeAll(async () => {
  relay = await startFakeRelay();
  dir = new TempDir();
});
afterAll(async () => {
  await relay.close();
  dir.cleanup();
  await disposeTokenCounter();
});
beforeEach(() => relay.reset());

async function service() {
  const { store } = await dir.open();
  const done: ChatDone[] = [];
  const waits: ChatRetryWait[] = [];
  const chat = new ChatService({
    history: store,
    streamChat: (request, options) => streamChat(request, options),
    resolveTarget: async (c) => ({
      profileId: 'p1',
      baseUrl: relay.baseUrl,
      model: c.model ?? 'deepseek-chat',
    }),
    emit: (name: string, payload: unknown) => {
      if (name === 'chat.done') done.push(payload as ChatDone);
    },
    emitRetryWait: (wait) => waits.push(wait),
  });
  return { chat, store, done, waits };
}

describe('a 429 waited out before the retry', () => {
  it('tells the window when the retry goes out, and the wait is not time to first token', async () => {
    const { chat, done, waits } = await service();
    relay.enqueue(
      errorResponse(429, 'Rate limit reached', { headers: { 'retry-after-ms': String(WAIT_MS) } }),
      tokensScript(['Xin ', 'chào.']),
    );
    const before = Date.now();
    const turn = await chat.send({ text: 'Chào' });
    await expect.poll(() => done.length, { timeout: 15_000 }).toBe(1);

    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({
      conversationId: turn.conversationId,
      messageId: turn.assistant.id,
      attempt: 1,
      code: 'rate_limited',
    });
    // Codes and a time only: the window writes the sentence.
    expect(Object.keys(waits[0] ?? {}).sort()).toEqual(
      ['attempt', 'code', 'conversationId', 'messageId', 'until'].sort(),
    );
    expect(waits[0]?.until).toBeGreaterThanOrEqual(before + WAIT_MS);

    const message = done[0]?.message;
    expect(message).toMatchObject({ status: 'complete', content: 'Xin chào.' });
    expect(relay.requests).toHaveLength(2);
    // The whole answer took the wait and more; its time to first token leaves the wait out.
    expect(message?.durationMs).toBeGreaterThanOrEqual(WAIT_MS);
    expect(message?.ttftMs).not.toBeNull();
    expect(message?.ttftMs ?? 0).toBeLessThanOrEqual((message?.durationMs ?? 0) - WAIT_MS);
  });

  it('stopping during the wait ends the turn without the retry', async () => {
    const { chat, done, waits } = await service();
    relay.enqueue(
      errorResponse(429, 'Rate limit reached', { headers: { 'retry-after': '30' } }),
      tokensScript(['Never sent']),
    );
    const turn = await chat.send({ text: 'Chào' });
    await expect.poll(() => waits.length, { timeout: 15_000 }).toBe(1);
    await chat.stop(turn.assistant.id);
    await expect.poll(() => done.length, { timeout: 15_000 }).toBe(1);
    expect(done[0]?.message.status).toBe('stopped');
    expect(relay.requests).toHaveLength(1);
  });

  it('an answer that worked at once sends no wait', async () => {
    const { chat, done, waits } = await service();
    relay.enqueue(tokensScript(['Ok']));
    await chat.send({ text: 'Chào' });
    await expect.poll(() => done.length, { timeout: 15_000 }).toBe(1);
    expect(waits).toEqual([]);
  });
});
