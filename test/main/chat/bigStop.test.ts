import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../../src/main/chat/ChatService';
import { disposeTokenCounter } from '../../../src/main/chat/tokenEstimate';
import { streamChat } from '../../../src/main/relay/index';
import type { ChatDone } from '../../../src/shared/types/chat';
import {
  completionChunk,
  startFakeRelay,
  textToTokens,
  tokensScript,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { TempDir } from '../history/tempStore';

/** A megabyte of Chinese without a space: what made token counting freeze the process. */
const CHINESE = '我们今天讨论的是如何在不阻塞主线程的情况下计算文本的令牌数量'.repeat(40_000);
const OTHER_ANSWER = textToTokens(
  'Mười lăm giây của một câu trả lời dài, từng chữ một. '.repeat(6),
);

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

describe('stopping a huge message', () => {
  it('1 MB of Chinese stopped while another conversation streams: the other stream is not cut', async () => {
    const { store } = await dir.open();
    const done: ChatDone[] = [];
    const service = new ChatService({
      history: store,
      streamChat: (request, options) => streamChat(request, options),
      resolveTarget: async (c) => ({
        profileId: 'p1',
        baseUrl: relay.baseUrl,
        model: c.model ?? 'deepseek-chat',
        // Short, so that a process blocked for a fraction of a second would cut the other stream.
        idleTimeoutMs: 400,
      }),
      emit: (name: string, payload: unknown) => {
        if (name === 'chat.done') done.push(payload as ChatDone);
      },
    });

    // The other conversation: a long answer, a token every 25 ms, with no usage.
    relay.enqueue(tokensScript(OTHER_ANSWER, { delayMs: 25, usage: null }));
    const other = await service.send({ text: 'Kể một câu chuyện dài' });
    // The big one: a few words, then the relay goes quiet until the user stops it.
    relay.enqueue({
      type: 'stream',
      steps: [{ data: completionChunk({ content: '好的，' }) }, { delayMs: 10 }, 'hang'],
    });
    const big = await service.send({ text: CHINESE });
    await expect
      .poll(() => store.getMessage(big.assistant.id)?.content, {
        timeout: 10_000,
      })
      .toBe('好的，');
    expect(service.activeStreams().some((s) => s.messageId === other.assistant.id)).toBe(true);

    await service.stop(big.assistant.id);
    const stopped = store.getMessage(big.assistant.id);
    expect(stopped).toMatchObject({ status: 'stopped', content: '好的，', tokensEstimated: true });
    // The prompt's tokens were counted (about 0.6 per character), not skipped.
    expect(stopped?.promptTokens).toBeGreaterThan(500_000);

    await expect
      .poll(() => done.some((d) => d.message.id === other.assistant.id), { timeout: 30_000 })
      .toBe(true);
    const otherDone = done.find((d) => d.message.id === other.assistant.id);
    expect(otherDone?.message.status).toBe('complete');
    expect(otherDone?.failure).toBeUndefined();
    expect(store.getMessage(other.assistant.id)?.content).toBe(OTHER_ANSWER.join(''));
    await service.dispose();
  }, 60_000);
});
