import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  completionChunk,
  errorResponse,
  htmlErrorResponse,
  startFakeRelay,
  tokensScript,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { run } from './helpers';

let relay: FakeRelay;
let backup: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
  backup = await startFakeRelay();
});
afterAll(async () => {
  await relay.close();
  await backup.close();
});
beforeEach(() => {
  relay.reset();
  backup.reset();
});

const FAST = { retryBaseDelayMs: 5 };

describe('retries and failover', () => {
  it('retries a 5xx, then succeeds', async () => {
    relay.enqueue(
      htmlErrorResponse(502, 'Bad Gateway'),
      errorResponse(503, 'overloaded'),
      tokensScript(['Ok']),
    );
    const outcome = await run(relay.baseUrl, {}, { ...FAST, maxRetries: 2 });
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe('Ok');
    expect(relay.requests).toHaveLength(3);
  });

  it('retries a network failure (reset, or a body broken before any text)', async () => {
    relay.enqueue(
      { type: 'reset' },
      { type: 'stream', steps: [{ comment: 'warming up' }, 'cut'] },
      tokensScript(['Ok']),
    );
    const outcome = await run(relay.baseUrl, {}, { ...FAST, maxRetries: 2 });
    expect(outcome.content).toBe('Ok');
    expect(relay.requests).toHaveLength(3);
  });

  it('gives up after maxRetries and reports the last failure', async () => {
    relay.setDefault(errorResponse(500, 'still broken'));
    const outcome = await run(relay.baseUrl, {}, { ...FAST, maxRetries: 2 });
    expect(outcome.error?.code).toBe('server');
    expect(outcome.error?.text).toEqual({
      code: 'relay_failed',
      params: { status: '500 Internal Server Error' },
    });
    expect(outcome.error?.detail).toBe('still broken');
    expect(relay.requests).toHaveLength(3);
  });

  it('maxRetries defaults to 2', async () => {
    relay.setDefault(errorResponse(500, 'broken'));
    const outcome = await run(relay.baseUrl, {}, { ...FAST, maxRetries: undefined });
    expect(outcome.error?.code).toBe('server');
    expect(relay.requests).toHaveLength(3);
  });

  it('honours Retry-After on 429 before retrying', async () => {
    relay.enqueue(
      errorResponse(429, 'slow down', { headers: { 'retry-after-ms': '250' } }),
      tokensScript(['Ok']),
    );
    const started = performance.now();
    const outcome = await run(relay.baseUrl, {}, { ...FAST, maxRetries: 1 });
    expect(outcome.content).toBe('Ok');
    const [first, second] = relay.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(240);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('a Retry-After beyond 60 s is not waited for: fails at once with retryAfterMs', async () => {
    relay.enqueue(errorResponse(429, 'daily limit', { headers: { 'retry-after': '3600' } }));
    const outcome = await run(relay.baseUrl, {}, { ...FAST, maxRetries: 2 });
    expect(outcome.error?.code).toBe('rate_limited');
    expect(outcome.error?.retryAfterMs).toBe(3_600_000);
    expect(relay.requests).toHaveLength(1);
  });

  it('never retries auth, bad requests or unknown models', async () => {
    relay.enqueue(errorResponse(401, 'Invalid API key'));
    expect(
      (await run(relay.baseUrl, {}, { ...FAST, maxRetries: 2, fallbackBaseUrls: [backup.baseUrl] }))
        .error?.code,
    ).toBe('auth');
    relay.enqueue(errorResponse(400, 'bad temperature'));
    expect((await run(relay.baseUrl, {}, { ...FAST, maxRetries: 2 })).error?.code).toBe(
      'bad_request',
    );
    expect(relay.requests).toHaveLength(2);
    expect(backup.requests).toHaveLength(0);
  });

  it('moves to the fallback URLs in order once retries are exhausted', async () => {
    relay.setDefault(errorResponse(503, 'region down'));
    backup.enqueue(errorResponse(502, 'also down'), tokensScript(['From', ' backup']));
    const outcome = await run(
      relay.baseUrl,
      {},
      { ...FAST, maxRetries: 1, fallbackBaseUrls: [backup.baseUrl, `${backup.baseUrl}/`] },
    );
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe('From backup');
    expect(relay.requests).toHaveLength(2);
    expect(backup.requests).toHaveLength(2);
  });

  it('never retries once text has arrived: the answer is interrupted, with its text', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [{ data: completionChunk({ content: 'First words' }) }, { delayMs: 20 }, 'cut'],
    });
    relay.enqueue(tokensScript(['Would duplicate']));
    const outcome = await run(
      relay.baseUrl,
      {},
      { ...FAST, maxRetries: 2, fallbackBaseUrls: [backup.baseUrl] },
    );
    expect(outcome.error?.code).toBe('interrupted');
    expect(outcome.error?.partial).toEqual({ content: 'First words', reasoning: '' });
    expect(relay.requests).toHaveLength(1);
    expect(backup.requests).toHaveLength(0);
  });

  it('never retries after reasoning has arrived either', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: completionChunk({ reasoning: 'Thinking' }) },
        { data: { error: { message: 'Upstream overloaded', type: 'server_error' } } },
      ],
    });
    const outcome = await run(relay.baseUrl, {}, { ...FAST, maxRetries: 2 });
    expect(outcome.error?.code).toBe('server');
    expect(outcome.error?.partial).toEqual({ content: '', reasoning: 'Thinking' });
    expect(relay.requests).toHaveLength(1);
  });
});

describe('redirects', () => {
  it('follows a same-origin redirect with the key', async () => {
    relay.enqueue({
      type: 'response',
      status: 307,
      headers: { location: '/v1/moved/chat/completions' },
    });
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-key' });
    expect(outcome.error?.status).toBe(404);
    const [first, second] = relay.requests;
    expect(first?.headers['authorization']).toBe('Bearer hsa-key');
    expect(second?.path).toBe('/v1/moved/chat/completions');
    expect(second?.headers['authorization']).toBe('Bearer hsa-key');
    expect(second?.body).toEqual(first?.body);
  });

  it.each([307, 308, 301, 302])(
    'never sends the key or the conversation to another origin on a %i redirect',
    async (status) => {
      relay.enqueue({
        type: 'response',
        status,
        headers: { location: `${backup.baseUrl}/chat/completions` },
      });
      backup.enqueue(tokensScript(['Moved']));
      const outcome = await run(relay.baseUrl, { apiKey: 'hsa-key' });
      expect(outcome.error?.code).toBe('redirect_refused');
      expect(outcome.content).toBe('');
      expect(relay.requests[0]?.headers['authorization']).toBe('Bearer hsa-key');
      expect(backup.requests).toHaveLength(0);
    },
  );

  it('stops after too many redirects', async () => {
    relay.setDefault({
      type: 'response',
      status: 302,
      headers: { location: '/v1/chat/completions' },
    });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.code).toBe('protocol');
    expect(outcome.error?.text).toEqual({ code: 'relay_redirect_loop', params: { count: 5 } });
    expect(relay.requests).toHaveLength(6);
  });
});
