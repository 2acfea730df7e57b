import { afterEach, describe, expect, it } from 'vitest';
import { ChatService } from '../../../src/main/chat/ChatService';
import { CHECKPOINT_MAX_CHARS } from '../../../src/main/chat/ChatTurn';
import { disposeTokenCounter } from '../../../src/main/chat/tokenEstimate';
import { FINISH_OFF_THREAD_CHARS, type HistoryStore } from '../../../src/main/history/HistoryStore';
import type { ChatDone } from '../../../src/shared/types/chat';
import { TempDir } from '../history/tempStore';
import { scriptedRelay } from './scriptedRelay';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('a long answer', () => {
  let dir: TempDir;
  afterEach(async () => {
    dir.cleanup();
    await disposeTokenCounter();
  });

  it('is checkpointed in bounded appends and recorded off the main thread as a reload reads it', async () => {
    dir = new TempDir();
    const { store } = await dir.open();
    const burst = '一口气说完的很长的回答，没有空格'.repeat(
      Math.ceil((2.5 * CHECKPOINT_MAX_CHARS) / 16),
    );
    const tail = ' and the end.';
    expect(burst.length + tail.length).toBeGreaterThan(FINISH_OFF_THREAD_CHARS);
    const appended: string[] = [];
    let finishedHere = 0;
    const history = Object.assign(Object.create(store) as HistoryStore, {
      appendToMessage: (id: string, content: string, reasoning: string) => {
        appended.push(content + reasoning);
        return store.appendToMessage(id, content, reasoning);
      },
      finishMessage: (...args: Parameters<HistoryStore['finishMessage']>) => {
        finishedHere += 1;
        return store.finishMessage(...args);
      },
    });
    const relay = scriptedRelay(sleep, [
      [{ content: burst }, { wait: 400 }, { content: tail }, { done: 'stop' }],
    ]);
    const done: ChatDone[] = [];
    const service = new ChatService({
      history,
      streamChat: relay.streamChat,
      resolveTarget: async () => ({
        profileId: 'p1',
        baseUrl: 'http://127.0.0.1:9/v1',
        model: 'm',
      }),
      emit: (name: 'chat.delta' | 'chat.done', payload: unknown) => {
        if (name === 'chat.done') done.push(payload as ChatDone);
      },
    });
    const ids = await service.send({ text: 'Say it all at once' });
    while (done.length === 0) await sleep(10);

    // The burst went to disk in several appends, none longer than the bound, in order.
    expect(appended.length).toBeGreaterThanOrEqual(3);
    for (const piece of appended) expect(piece.length).toBeLessThanOrEqual(CHECKPOINT_MAX_CHARS);
    expect(burst.startsWith(appended.join('').slice(0, burst.length))).toBe(true);

    const message = done[0]?.message;
    expect(message?.status).toBe('complete');
    expect(message?.content).toBe(burst + tail);
    expect(finishedHere).toBe(0);
    expect(store.getMessage(ids.assistant.id)).toEqual(message);
    expect(store.db.prepare('SELECT count(*) FROM message_parts').pluck().get()).toBe(0);
    await service.dispose();
  });
});
