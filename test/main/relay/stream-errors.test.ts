import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completionChunk, startFakeRelay, type FakeRelay } from '../../fixtures/fake-relay';
import { run } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

describe('failures inside a 200 stream', () => {
  it('a data line that is not JSON is a protocol error quoting it', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: completionChunk({ content: 'Hi' }) },
        { text: '{"choices": [ oops <html>' },
        { data: completionChunk({ content: ' more' }) },
      ],
    });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.code).toBe('protocol');
    expect(outcome.error?.text).toEqual({ code: 'relay_bad_json_line' });
    expect(outcome.error?.detail).toBe('{"choices": [ oops <html>');
    expect(outcome.error?.partial?.content).toBe('Hi');
  });

  it('lines that are not SSE at all (NDJSON) are a protocol error, not silence', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [{ raw: `${JSON.stringify(completionChunk({ content: 'x' }))}\n` }],
    });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.code).toBe('protocol');
  });

  it.each([
    [
      {
        error: {
          message: 'Rate limit reached for deepseek-chat',
          type: 'rate_limit_error',
          code: 'rate_limit_exceeded',
        },
      },
      'rate_limited',
    ],
    [{ error: { message: 'Upstream overloaded', type: 'server_error' } }, 'server'],
    [
      {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      },
      'auth',
    ],
    [{ error: { message: 'Model not found', code: 'model_not_found' } }, 'model_not_found'],
    [
      {
        error: {
          message: "This model's maximum context length is 8192 tokens",
          code: 'context_length_exceeded',
        },
      },
      'bad_request',
    ],
    [{ error: { message: 'quota', status: 429 } }, 'rate_limited'],
  ])('an in-band error %j mid-stream maps to %s with the partial text', async (payload, kind) => {
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: completionChunk({ content: 'Half' }) },
        { delayMs: 5 },
        { data: payload },
        'done',
      ],
    });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.code).toBe(kind);
    expect(outcome.error?.detail).toContain(payload.error.message);
    expect(outcome.error?.partial?.content).toBe('Half');
  });

  it('an `event: error` frame maps to its kind', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [
        {
          event: 'error',
          data: { error: { message: 'Too many requests', type: 'rate_limit_error' } },
        },
      ],
    });
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: completionChunk({ content: 'Hi' }) },
        { event: 'error', data: 'upstream timeout' },
      ],
    });
    expect((await run(relay.baseUrl)).error?.code).toBe('rate_limited');
    const second = await run(relay.baseUrl);
    expect(second.error?.code).toBe('server');
    expect(second.error?.text).toEqual({ code: 'relay_in_band_error' });
    expect(second.error?.detail).toBe('upstream timeout');
  });
});
