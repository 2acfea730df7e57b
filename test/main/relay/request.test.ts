import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normaliseBaseUrl, type FetchLike } from '../../../src/main/relay/index';
import { USER_AGENT } from '../../../src/shared/app-info';
import { startFakeRelay, tokensScript, type FakeRelay } from '../../fixtures/fake-relay';
import { run } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

describe('chat request', () => {
  it('asks for a stream with usage, naming Fleece, with the key as a Bearer token', async () => {
    relay.enqueue(tokensScript(['Hi']));
    const outcome = await run(relay.baseUrl, {
      apiKey: ' hsa-secret ',
      params: { temperature: 0.3, max_tokens: 50, top_p: 0.9 },
    });
    expect(outcome.error).toBeUndefined();
    const req = await relay.waitForRequest();
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers['authorization']).toBe('Bearer hsa-secret');
    expect(req.headers['accept']).toBe('text/event-stream');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^Fleece\/\d+\.\d+\.\d+/);
    expect(req.body).toEqual({
      model: 'deepseek-chat',
      messages: [{ role: 'user', content: 'Xin chào' }],
      temperature: 0.3,
      max_tokens: 50,
      top_p: 0.9,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends no Authorization header when no key is set (Ollama, LM Studio)', async () => {
    relay.enqueue(tokensScript(['Hi']), tokensScript(['Hi']));
    await run(relay.baseUrl);
    await run(relay.baseUrl, { apiKey: '   ' });
    expect((await relay.waitForRequest()).headers['authorization']).toBeUndefined();
    expect((await relay.waitForRequest()).headers['authorization']).toBeUndefined();
  });

  it('params cannot switch streaming off or replace the model', async () => {
    relay.enqueue(tokensScript(['Hi']));
    await run(relay.baseUrl, { params: { stream: false, model: 'other' } });
    const body = (await relay.waitForRequest()).body as Record<string, unknown>;
    expect(body['stream']).toBe(true);
    expect(body['model']).toBe('deepseek-chat');
  });

  it('normalises trailing slashes and a pasted endpoint', async () => {
    relay.enqueue(tokensScript(['a']), tokensScript(['b']));
    expect((await run(`${relay.baseUrl}///`)).content).toBe('a');
    expect((await run(`  ${relay.baseUrl}/chat/completions/ `)).content).toBe('b');
    expect((await relay.waitForRequest()).path).toBe('/v1/chat/completions');
    expect((await relay.waitForRequest()).path).toBe('/v1/chat/completions');
    expect(normaliseBaseUrl('api.holysheep.ai/v1/')).toBe('https://api.holysheep.ai/v1');
    expect(normaliseBaseUrl('localhost:11434/v1')).toBe('http://localhost:11434/v1');
    expect(normaliseBaseUrl('https://API.HolySheep.ai/v1/models')).toBe(
      'https://api.holysheep.ai/v1',
    );
  });

  it('rejects an empty or malformed base URL as bad_request with an example', async () => {
    for (const baseUrl of ['', 'http://', 'ftp://relay.example/v1']) {
      const outcome = await run(baseUrl);
      expect(outcome.error?.code).toBe('bad_request');
      expect(outcome.error?.hint?.params?.['example']).toBe('https://api.holysheep.ai/v1');
    }
  });

  it('explains a base URL missing /v1 (the server answers 404 there)', async () => {
    const outcome = await run(relay.origin);
    expect(outcome.error?.code).toBe('bad_request');
    expect(outcome.error?.status).toBe(404);
    expect(outcome.error?.hint).toEqual({
      code: 'hint_add_v1',
      params: { url: `${relay.origin}/v1` },
    });
  });

  it('explains a base URL missing /v1 when the server answers with its web page', async () => {
    relay.enqueue({
      type: 'response',
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<!doctype html><html><head><title>New API</title></head><body><div id="root"></div></body></html>',
    });
    // A relay whose web app answers every unknown path (here: http://webui.test/chat/completions).
    const webUi: FetchLike = (url, init) =>
      fetch(url.replace('http://webui.test', relay.baseUrl), init);
    const outcome = await run('http://webui.test', {}, { fetch: webUi });
    expect(outcome.error?.code).toBe('protocol');
    expect(outcome.error?.text).toEqual({ code: 'relay_web_page_not_stream' });
    expect(outcome.error?.detail).toBe('New API');
    expect(outcome.error?.hint).toEqual({
      code: 'hint_add_v1',
      params: { url: 'http://webui.test/v1' },
    });
  });
});
