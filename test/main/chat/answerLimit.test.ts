import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../../src/main/chat/ChatService';
import { disposeTokenCounter } from '../../../src/main/chat/tokenEstimate';
import { answerLimitOptions, streamChat } from '../../../src/main/relay/index';
import type { ChatDone } from '../../../src/shared/types/chat';
import { completionChunk, startFakeRelay, type FakeRelay } from '../../fixtures/fake-relay';
import { TempDir } from '../history/tempStore';

const MB = 1024 * 1024;
const PIECE = 'Tiết kiệm 中转站 endless '.repeat(32);

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

describe('an endless answer through the fake relay', () => {
  it('stops at the size limit from Settings, and what arrived is stored, marked with the limit', async () => {
    const { store } = await dir.open();
    const done: ChatDone[] = [];
    const service = new ChatService({
      history: store,
      // As composed in main: the user's limits (here 1 MB) go into every stream.
      streamChat: (request, options) =>
        streamChat(request, { ...options, ...answerLimitOptions({ answerLimitMb: 1 }) }),
      resolveTarget: async (c) => ({
        profileId: 'p1',
        baseUrl: relay.baseUrl,
        model: c.model ?? 'deepseek-chat',
      }),
      emit: (name: string, payload: unknown) => {
        if (name === 'chat.done') done.push(payload as ChatDone);
      },
    });
    relay.enqueue({ type: 'endless', steps: [{ data: completionChunk({ content: PIECE }) }] });
    const sent = await service.send({ text: 'Write forever' });
    const id = sent.assistant.id;
    await expect.poll(() => done.some((d) => d.message.id === id), { timeout: 60_000 }).toBe(true);
    const finished = done.find((d) => d.message.id === id);
    expect(finished?.failure?.kind).toBe('too_large');
    expect(finished?.failure?.text).toEqual({
      code: 'relay_answer_too_large',
      params: { mb: 1 },
    });

    const stored = store.getMessage(id);
    // Kept like any answer cut short (it can be continued), with the limit as its reason.
    expect(stored?.status).toBe('interrupted');
    expect(stored?.errorKind).toBe('too_large');
    const content = stored?.content ?? '';
    // Not lost: close to the limit, never past it, and exactly the relay's text.
    expect(content.length).toBeLessThanOrEqual(MB);
    expect(content.length).toBeGreaterThan(MB - 64 * 1024);
    expect(content.startsWith(PIECE)).toBe(true);
    expect(content.replaceAll(PIECE, '')).toBe(PIECE.slice(0, content.length % PIECE.length));
    await relay.waitForNoConnections(5_000);
    await service.dispose();
  }, 90_000);
});
