import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../src/main/relay/index';
import {
  errorResponse,
  htmlErrorResponse,
  startFakeRelay,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { closedPort, routedFetch, run } from './helpers';

let relay: FakeRelay;
let tlsRelay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay({ apiKey: 'hsa-good' });
  tlsRelay = await startFakeRelay({ tls: true });
});
afterAll(async () => {
  await relay.close();
  await tlsRelay.close();
});
beforeEach(() => relay.reset());

const HOLYSHEEP = 'https://api.holysheep.ai/v1';

describe('HTTP failures', () => {
  it('401 with an sk- key on HolySheep: auth, and the hint asks for the hsa- key', async () => {
    const fetch = routedFetch('api.holysheep.ai', relay.origin);
    const outcome = await run(HOLYSHEEP, { apiKey: 'sk-proj-abc123' }, { fetch });
    expect(outcome.error?.code).toBe('auth');
    expect(outcome.error?.status).toBe(401);
    expect(outcome.error?.text).toEqual({ code: 'relay_key_refused' });
    expect(outcome.error?.detail).toBe('Invalid API key');
    expect(outcome.error?.hint).toEqual({ code: 'hint_key_openai_on_holysheep' });
    expect((await relay.waitForRequest()).headers['authorization']).toBe('Bearer sk-proj-abc123');
  });

  it('401 elsewhere, or without a key, gets a matching hint; 403 is auth too', async () => {
    expect((await run(relay.baseUrl, { apiKey: 'sk-abc' })).error?.hint).toEqual({
      code: 'hint_key_check',
    });
    expect((await run(relay.baseUrl)).error?.hint).toEqual({ code: 'hint_key_needed' });
    relay.enqueue(errorResponse(403, 'Your account is suspended'));
    const forbidden = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect([forbidden.error?.code, forbidden.error?.status]).toEqual(['auth', 403]);
    expect(forbidden.error?.detail).toContain('Your account is suspended');
  });

  it.each([
    [400, 'Model not found', null],
    [400, 'Model not supported: gpt-4-turbo', null],
    [
      404,
      'The model `gpt-4-turbo` does not exist or you do not have access to it.',
      'model_not_found',
    ],
    [400, 'Invalid model', 'invalid_model'],
  ])('%i "%s" → model_not_found, hint to pick from the list', async (status, message, code) => {
    relay.enqueue(errorResponse(status, message, { code }));
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good', model: 'gpt-4-turbo' });
    expect(outcome.error?.code).toBe('model_not_found');
    expect(outcome.error?.status).toBe(status);
    expect(outcome.error?.text).toEqual({
      code: 'relay_model_unknown_named',
      params: { model: 'gpt-4-turbo' },
    });
    expect(outcome.error?.detail).toBe(message);
    expect(outcome.error?.hint).toEqual({ code: 'hint_pick_model' });
  });

  it('a 404 that does not name the model is not model_not_found', async () => {
    relay.enqueue(errorResponse(404, 'Not found: o1-mini'));
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good', model: 'o1' });
    expect(outcome.error?.code).toBe('bad_request');
  });

  it('the fake relay itself refuses unknown models the same way', async () => {
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good', model: 'gpt-4-turbo' });
    expect(outcome.error?.code).toBe('model_not_found');
  });

  it('other 400 and 422 are bad_request with the relay’s own message (FastAPI detail too)', async () => {
    relay.enqueue(errorResponse(400, "'messages' must not be empty"));
    relay.enqueue({
      type: 'response',
      status: 422,
      body: {
        detail: [{ loc: ['body', 'temperature'], msg: 'Input should be less than or equal to 2' }],
      },
    });
    const first = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect([first.error?.code, first.error?.text, first.error?.detail]).toEqual([
      'bad_request',
      { code: 'relay_rejected', params: { status: '400 Bad Request' } },
      "'messages' must not be empty",
    ]);
    const second = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(second.error?.code).toBe('bad_request');
    expect(second.error?.detail).toContain('Input should be less than or equal to 2');
  });

  it.each([
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after': '7' }, 7000],
    [{ 'retry-after': '0.5' }, 500],
  ])('429 with %j → rate_limited, retryAfterMs %i', async (headers, expected) => {
    relay.enqueue(errorResponse(429, 'Rate limit reached', { type: 'rate_limit_error', headers }));
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(outcome.error?.code).toBe('rate_limited');
    expect(outcome.error?.retryAfterMs).toBe(expected);
    expect(outcome.error?.toFailure()).toEqual({
      kind: 'rate_limited',
      status: 429,
      text: { code: 'relay_limiting' },
      detail: 'Rate limit reached',
      hint: { code: 'hint_wait_retry' },
      retryAfterMs: expected,
    });
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    relay.enqueue(errorResponse(429, 'Slow down', { headers: { 'retry-after': at } }));
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(outcome.error?.retryAfterMs).toBeGreaterThan(25_000);
    expect(outcome.error?.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it.each([500, 502, 503, 504])('%i → server', async (status) => {
    relay.enqueue(errorResponse(status, 'upstream error'));
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect([outcome.error?.code, outcome.error?.status]).toEqual(['server', status]);
  });

  it("a proxy's HTML 502 page becomes one readable sentence, never HTML", async () => {
    relay.enqueue(htmlErrorResponse(502, 'Bad Gateway'));
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(outcome.error?.code).toBe('server');
    expect(outcome.error?.text).toEqual({
      code: 'relay_proxy_failed',
      params: { status: '502 Bad Gateway' },
    });
    expect(outcome.error?.detail).toBeUndefined();
    relay.enqueue({
      type: 'response',
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><style>h1{color:red}</style></head><body><h1>Service   Unavailable &amp; resting</h1><script>x()</script></body></html>',
    });
    const second = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(second.error?.text).toEqual({
      code: 'relay_proxy_failed',
      params: { status: '503 Service Unavailable' },
    });
    expect(second.error?.detail).toBe('Service Unavailable & resting');
  });

  it('connection refused → network, naming the address', async () => {
    const port = await closedPort();
    const outcome = await run(`http://127.0.0.1:${port}/v1`);
    expect(outcome.error?.code).toBe('network');
    expect(outcome.error?.text).toEqual({
      code: 'relay_refused_connection',
      params: { host: `127.0.0.1:${port}` },
    });
    expect(outcome.error?.hint).toEqual({ code: 'hint_local_server' });
  });

  it('connection reset before an answer → network', async () => {
    relay.enqueue({ type: 'reset' });
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(outcome.error?.code).toBe('network');
    expect(outcome.error?.text.code).toBe('relay_connection_closed');
    expect(outcome.error?.text.params?.['host']).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('an untrusted TLS certificate → network, saying so', async () => {
    const outcome = await run(tlsRelay.baseUrl);
    expect(outcome.error?.code).toBe('network');
    expect(outcome.error?.text.code).toBe('relay_tls');
    expect(outcome.error?.text.params?.['host']).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(outcome.error?.detail).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(outcome.error?.hint).toEqual({ code: 'hint_certificate' });
  });

  it('https:// against a plain-HTTP server → network, hinting at the scheme', async () => {
    const outcome = await run(relay.baseUrl.replace('http://', 'https://'));
    expect(outcome.error?.code).toBe('network');
    expect(outcome.error?.text.code).toBe('relay_tls');
    expect(outcome.error?.hint).toEqual({ code: 'hint_not_https' });
  });

  it('DNS failure (Node and Electron error shapes) → network naming the host', async () => {
    const nodeShape: FetchLike = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.holysheep.ai'), {
            code: 'ENOTFOUND',
          }),
        }),
      );
    const electronShape: FetchLike = () => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED'));
    for (const fetch of [nodeShape, electronShape]) {
      const outcome = await run(HOLYSHEEP, {}, { fetch });
      expect(outcome.error?.code).toBe('network');
      expect(outcome.error?.text).toEqual({
        code: 'relay_dns',
        params: { host: 'api.holysheep.ai' },
      });
    }
  });
});
