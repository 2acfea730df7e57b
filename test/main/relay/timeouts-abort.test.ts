import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FleeceError, streamChat } from '../../../src/main/relay/index';
import {
  completionChunk,
  startFakeRelay,
  textToTokens,
  tokensScript,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { chatRequest, collect, run } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

const LONG = textToTokens('Một câu trả lời rất dài về 中转站 và chi phí 🎉 '.repeat(20));

describe('timeouts and abort', () => {
  it('no answer within the first-byte timeout → timeout_first_byte, and the socket is closed', async () => {
    relay.enqueue({ type: 'hang' });
    const outcome = await run(
      relay.baseUrl,
      {},
      { connectTimeoutMs: 150, firstByteTimeoutMs: 150 },
    );
    expect(outcome.error?.code).toBe('timeout_first_byte');
    expect(outcome.error?.text).toEqual({
      code: 'relay_first_byte_timeout',
      params: { seconds: 0.2 },
    });
    await (
      await relay.waitForRequest()
    ).socketClosed;
  });

  it('silence mid-stream beyond the idle timeout → timeout_idle with the partial text; socket closed', async () => {
    const script = tokensScript(['Xin', ' chào', ' bạn'], {
      finishReason: null,
      usage: null,
      done: false,
    });
    relay.enqueue({ ...script, steps: [...script.steps, 'hang'] });
    const outcome = await run(relay.baseUrl, {}, { idleTimeoutMs: 120 });
    expect(outcome.error?.code).toBe('timeout_idle');
    expect(outcome.error?.partial).toEqual({ content: 'Xin chào bạn', reasoning: '' });
    expect(outcome.content).toBe('Xin chào bạn');
    await (
      await relay.waitForRequest()
    ).socketClosed;
  });

  it('keep-alive comments count as bytes for the idle timer', async () => {
    const pings = Array.from({ length: 8 }, () => [
      { delayMs: 40 },
      { comment: 'keep-alive' },
    ]).flat();
    relay.enqueue({
      type: 'stream',
      steps: [
        ...pings,
        { data: completionChunk({ content: 'Late but fine', finishReason: 'stop' }) },
        'done',
      ],
    });
    const outcome = await run(relay.baseUrl, {}, { idleTimeoutMs: 150 });
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe('Late but fine');
  });

  it('a slow consumer is not an idle relay', async () => {
    relay.enqueue(tokensScript(['a', 'b', 'c']));
    let text = '';
    for await (const event of streamChat(chatRequest(relay.baseUrl), {
      idleTimeoutMs: 60,
      maxRetries: 0,
    })) {
      if (event.type === 'delta') {
        text += event.content ?? '';
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    expect(text).toBe('abc');
  });

  it('abort mid-stream → aborted with the partial text; the socket closes within 100 ms', async () => {
    relay.enqueue(tokensScript(LONG, { delayMs: 10 }));
    const controller = new AbortController();
    let received = '';
    let abortedAt = 0;
    let caught: unknown;
    try {
      for await (const event of streamChat(chatRequest(relay.baseUrl), {
        signal: controller.signal,
      })) {
        if (event.type !== 'delta') continue;
        received += event.content ?? '';
        if (received.length > 20 && abortedAt === 0) {
          abortedAt = performance.now();
          controller.abort();
        }
      }
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FleeceError);
    const error = caught as FleeceError;
    expect(error.code).toBe('aborted');
    expect(error.partial).toEqual({ content: received, reasoning: '' });
    const closedAt = await (await relay.waitForRequest()).socketClosed;
    expect(closedAt - abortedAt).toBeLessThan(100);
  });

  it('abort while waiting for the answer, and abort before starting', async () => {
    relay.enqueue({ type: 'hang' });
    const controller = new AbortController();
    const pending = collect(streamChat(chatRequest(relay.baseUrl), { signal: controller.signal }));
    const request = await relay.waitForRequest();
    controller.abort();
    expect((await pending).error?.code).toBe('aborted');
    await request.socketClosed;

    const early = await run(relay.baseUrl, {}, { signal: AbortSignal.abort() });
    expect(early.error?.code).toBe('aborted');
    expect(early.error?.partial).toEqual({ content: '', reasoning: '' });
  });

  it('abort works even with a fetch that ignores the signal', async () => {
    const neverEnding: typeof fetch = () => new Promise<Response>(() => undefined);
    const controller = new AbortController();
    const pending = collect(
      streamChat(chatRequest('http://relay.test/v1'), {
        signal: controller.signal,
        fetch: neverEnding,
      }),
    );
    setTimeout(() => controller.abort(), 20);
    expect((await pending).error?.code).toBe('aborted');

    const stalled: typeof fetch = () => {
      const stream = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
      return Promise.resolve(
        new Response(stream, { headers: { 'content-type': 'text/event-stream' } }),
      );
    };
    const idle = await run('http://relay.test/v1', {}, { fetch: stalled, idleTimeoutMs: 50 });
    // Idle before any text: the relay never started answering (nothing is "kept").
    expect(idle.error?.code).toBe('timeout_first_byte');
    expect(idle.error?.text).toEqual({ code: 'relay_no_text_in_time', params: { seconds: 0.1 } });
  });

  it('breaking out of the loop closes the connection', async () => {
    relay.enqueue(tokensScript(LONG, { delayMs: 10 }));
    for await (const event of streamChat(chatRequest(relay.baseUrl))) {
      if (event.type === 'delta') break;
    }
    await (
      await relay.waitForRequest()
    ).socketClosed;
  });
});
