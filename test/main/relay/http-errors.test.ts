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
    expect(outcome.error?.kind).toBe('auth');
    expect(outcome.error?.status).toBe(401);
    expect(outcome.error?.message).toBe('The relay refused the API key: Invalid API key');
    expect(outcome.error?.hint).toBe(
      'This looks like an OpenAI key (sk-…). HolySheep needs its own hsa- key from your HolySheep dashboard.',
    );
    expect((await relay.waitForRequest()).headers['authorization']).toBe('Bearer sk-proj-abc123');
  });

  it('401 elsewhere, or without a key, gets a matching hint; 403 is auth too', async () => {
    expect((await run(relay.baseUrl, { apiKey: 'sk-abc' })).error?.hint).toBe(
      "Check the key in the profile: copy it again from the relay's dashboard.",
    );
    expect((await run(relay.baseUrl)).error?.hint).toBe(
      'This relay needs an API key: add it to the profile.',
    );
    relay.enqueue(errorResponse(403, 'Your account is suspended'));
    const forbidden = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect([forbidden.error?.kind, forbidden.error?.status]).toEqual(['auth', 403]);
    expect(forbidden.error?.message).toContain('Your account is suspended');
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
    expect(outcome.error?.kind).toBe('model_not_found');
    expect(outcome.error?.status).toBe(status);
    expect(outcome.error?.message).toBe(`The relay does not offer model "gpt-4-turbo": ${message}`);
    expect(outcome.error?.hint).toBe(
      "Pick one of the relay's models — Test connection lists them.",
    );
  });

  it('a 404 that does not name the model is not model_not_found', async () => {
    relay.enqueue(errorResponse(404, 'Not found: o1-mini'));
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good', model: 'o1' });
    expect(outcome.error?.kind).toBe('bad_request');
  });

  it('the fake relay itself refuses unknown models the same way', async () => {
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good', model: 'gpt-4-turbo' });
    expect(outcome.error?.kind).toBe('model_not_found');
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
    expect([first.error?.kind, first.error?.message]).toEqual([
      'bad_request',
      "The relay rejected the request (400 Bad Request): 'messages' must not be empty",
    ]);
    const second = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(second.error?.kind).toBe('bad_request');
    expect(second.error?.message).toContain('Input should be less than or equal to 2');
  });

  it.each([
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after': '7' }, 7000],
    [{ 'retry-after': '0.5' }, 500],
  ])('429 with %j → rate_limited, retryAfterMs %i', async (headers, expected) => {
    relay.enqueue(errorResponse(429, 'Rate limit reached', { type: 'rate_limit_error', headers }));
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(outcome.error?.kind).toBe('rate_limited');
    expect(outcome.error?.retryAfterMs).toBe(expected);
    expect(outcome.error?.toFailure()).toEqual({
      kind: 'rate_limited',
      status: 429,
      message: 'The relay is limiting requests: Rate limit reached',
      hint: 'Wait a moment and try again.',
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
    expect([outcome.error?.kind, outcome.error?.status]).toEqual(['server', status]);
  });

  it("a proxy's HTML 502 page becomes one readable sentence, never HTML", async () => {
    relay.enqueue(htmlErrorResponse(502, 'Bad Gateway'));
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(outcome.error?.kind).toBe('server');
    expect(outcome.error?.message).toBe(
      'The relay (or a proxy in front of it) failed with 502 Bad Gateway.',
    );
    relay.enqueue({
      type: 'response',
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><style>h1{color:red}</style></head><body><h1>Service   Unavailable &amp; resting</h1><script>x()</script></body></html>',
    });
    const second = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(second.error?.message).toBe(
      'The relay (or a proxy in front of it) failed with 503 Service Unavailable — Service Unavailable & resting.',
    );
  });

  it('connection refused → network, naming the address', async () => {
    const port = await closedPort();
    const outcome = await run(`http://127.0.0.1:${port}/v1`);
    expect(outcome.error?.kind).toBe('network');
    expect(outcome.error?.message).toBe(`127.0.0.1:${port} refused the connection.`);
    expect(outcome.error?.hint).toBe(
      'Is the local server (Ollama, LM Studio…) running on that port?',
    );
  });

  it('connection reset before an answer → network', async () => {
    relay.enqueue({ type: 'reset' });
    const outcome = await run(relay.baseUrl, { apiKey: 'hsa-good' });
    expect(outcome.error?.kind).toBe('network');
    expect(outcome.error?.message).toMatch(
      /^The connection to 127\.0\.0\.1:\d+ was closed unexpectedly/,
    );
  });

  it('an untrusted TLS certificate → network, saying so', async () => {
    const outcome = await run(tlsRelay.baseUrl);
    expect(outcome.error?.kind).toBe('network');
    expect(outcome.error?.message).toMatch(
      /^The secure \(TLS\) connection to 127\.0\.0\.1:\d+ failed: DEPTH_ZERO_SELF_SIGNED_CERT\.$/,
    );
    expect(outcome.error?.hint).toContain('certificate');
  });

  it('https:// against a plain-HTTP server → network, hinting at the scheme', async () => {
    const outcome = await run(relay.baseUrl.replace('http://', 'https://'));
    expect(outcome.error?.kind).toBe('network');
    expect(outcome.error?.message).toMatch(/^The secure \(TLS\) connection/);
    expect(outcome.error?.hint).toBe(
      'The server does not speak HTTPS there: check http:// versus https:// in the address.',
    );
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
      expect(outcome.error?.kind).toBe('network');
      expect(outcome.error?.message).toBe(
        "Could not find the relay's server: the name api.holysheep.ai does not resolve (DNS).",
      );
    }
  });
});
