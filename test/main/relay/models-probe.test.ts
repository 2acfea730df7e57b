import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listModels, probe, FleeceError } from '../../../src/main/relay/index';
import {
  errorResponse,
  startFakeRelay,
  textToTokens,
  tokensScript,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { closedPort } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay({
    apiKey: 'hsa-good',
    models: ['gpt-4o', 'deepseek-chat', 'claude-3.5-sonnet', 'deepseek-chat'],
  });
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

const endpoint = (): { baseUrl: string; apiKey: string } => ({
  baseUrl: relay.baseUrl,
  apiKey: 'hsa-good',
});
const COUNT = textToTokens('1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16');

async function failure(promise: Promise<unknown>): Promise<FleeceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FleeceError);
  return error as FleeceError;
}

describe('listModels', () => {
  it("returns the relay's model ids, sorted and without duplicates", async () => {
    expect(await listModels(endpoint())).toEqual(['claude-3.5-sonnet', 'deepseek-chat', 'gpt-4o']);
    const req = await relay.waitForRequest();
    expect([req.method, req.path, req.headers['authorization']]).toEqual([
      'GET',
      '/v1/models',
      'Bearer hsa-good',
    ]);
  });

  it('accepts a bare array and Ollama-style { models: [{ name }] }', async () => {
    relay.enqueueModels({ type: 'response', status: 200, body: ['b', 'a'] });
    relay.enqueueModels({
      type: 'response',
      status: 200,
      body: { models: [{ name: 'llama3.2:latest' }, { name: 'qwen2.5:7b' }] },
    });
    expect(await listModels(endpoint())).toEqual(['a', 'b']);
    expect(await listModels(endpoint())).toEqual(['llama3.2:latest', 'qwen2.5:7b']);
  });

  it('a refused key is auth; a missing /v1 is explained', async () => {
    expect((await failure(listModels({ baseUrl: relay.baseUrl, apiKey: 'sk-openai' }))).code).toBe(
      'auth',
    );
    const missing = await failure(listModels({ baseUrl: relay.origin, apiKey: 'hsa-good' }));
    expect(missing.code).toBe('bad_request');
    expect(missing.hint).toEqual({ code: 'hint_add_v1', params: { url: `${relay.origin}/v1` } });
  });

  it('a 200 that is not a model list is bad_request, not an empty list', async () => {
    relay.enqueueModels({
      type: 'response',
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>Welcome</html>',
    });
    expect((await failure(listModels(endpoint()))).code).toBe('bad_request');
  });
});

describe('probe', () => {
  beforeAll(async () => {
    // The relay shares this thread: a first-run pause (module loading, compilation) delays its
    // timers and the reads alike, so the first probe is not the one judged.
    relay.enqueue(tokensScript(COUNT));
    await probe({ ...endpoint(), model: 'deepseek-chat' });
    relay.reset();
  });

  it('a healthy relay: every check ok, with timings and a streamed answer', async () => {
    relay.enqueue(tokensScript(COUNT, { delayMs: 8 }));
    const result = await probe({ ...endpoint(), model: 'deepseek-chat' });
    expect(result).toMatchObject({
      baseUrl: relay.baseUrl,
      reachable: true,
      keyAccepted: true,
      modelCount: 3,
      burst: false,
    });
    expect(result.modelsRttMs).toBeGreaterThanOrEqual(0);
    expect(result.ttftMs).toBeGreaterThanOrEqual(0);
    expect(result.findings.map((f) => [f.check, f.status])).toEqual([
      ['reachable', 'ok'],
      ['key', 'ok'],
      ['models', 'ok'],
      ['first_token', 'ok'],
      ['burst', 'ok'],
    ]);
    expect(result.findings[2]?.text).toEqual({ code: 'probe_model_count', params: { count: 3 } });
    expect(result.failure).toBeUndefined();
    await relay.waitForRequest();
    const chat = await relay.waitForRequest();
    expect(chat.body).toMatchObject({ model: 'deepseek-chat', max_tokens: 80, stream: true });
  });

  it('a buffering proxy (whole answer in one write) is reported as a burst', async () => {
    relay.enqueue({ ...tokensScript(COUNT), headersDelayMs: 120 });
    const result = await probe({ ...endpoint(), model: 'deepseek-chat' });
    expect(result.burst).toBe(true);
    const finding = result.findings.find((f) => f.check === 'burst');
    expect(finding?.status).toBe('warn');
    expect(finding?.text).toEqual({
      code: 'probe_stream_buffered',
      params: {
        ttft: expect.any(Number) as number,
        pieces: expect.any(Number) as number,
        reads: 1,
      },
    });
  });

  it('a refused key: reachable, key not accepted, nothing else tried', async () => {
    const result = await probe({
      baseUrl: relay.baseUrl,
      apiKey: 'sk-openai',
      model: 'deepseek-chat',
    });
    expect(result).toMatchObject({
      reachable: true,
      keyAccepted: false,
      modelCount: null,
      ttftMs: null,
      burst: null,
    });
    expect(result.failure?.kind).toBe('auth');
    expect(result.findings.find((f) => f.check === 'key')?.status).toBe('fail');
    expect(relay.requests).toHaveLength(1);
  });

  it('an unreachable relay', async () => {
    const result = await probe({
      baseUrl: `http://127.0.0.1:${await closedPort()}/v1`,
      model: 'x',
    });
    expect(result.reachable).toBe(false);
    expect(result.failure?.kind).toBe('network');
    expect(result.findings.map((f) => f.status)).toEqual([
      'fail',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
  });

  it('an unknown model fails the first-token check with the relay’s hint', async () => {
    const result = await probe({ ...endpoint(), model: 'gpt-4-turbo' });
    expect(result.keyAccepted).toBe(true);
    expect(result.failure?.kind).toBe('model_not_found');
    const finding = result.findings.find((f) => f.check === 'first_token');
    expect(finding?.status).toBe('fail');
    expect(finding?.hint).toEqual({ code: 'hint_pick_model' });
  });

  it('without a model, the streaming checks are skipped', async () => {
    const result = await probe(endpoint());
    expect(result.modelCount).toBe(3);
    expect(result.findings.slice(3).map((f) => f.status)).toEqual(['skipped', 'skipped']);
  });

  it('a relay without /models still gets its first token measured', async () => {
    relay.enqueueModels(errorResponse(404, 'Not Found'));
    relay.enqueue(tokensScript(COUNT, { delayMs: 5 }));
    const result = await probe({ ...endpoint(), model: 'deepseek-chat' });
    expect(result.modelCount).toBeNull();
    expect(result.ttftMs).not.toBeNull();
    expect(result.findings.find((f) => f.check === 'models')?.status).toBe('fail');
  });
});
