import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startFakeRelay,
  textToTokens,
  toActions,
  tokensScript,
  type Action,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { run } from './helpers';

/** The fixture others build on: its scripting must do what it says. */

const writes = (actions: Action[]): string[] =>
  actions.flatMap((a) =>
    typeof a === 'object' && 'write' in a ? [Buffer.from(a.write).toString('latin1')] : [],
  );

describe('fake relay scripts', () => {
  it('frames steps as SSE with the chosen line ends and BOM', () => {
    const script = {
      type: 'stream' as const,
      steps: [
        { data: { a: 1 } },
        { comment: 'ka' },
        { event: 'error', id: '3', data: 'x' },
        'done' as const,
      ],
    };
    expect(writes(toActions(script)).join('')).toBe(
      'data: {"a":1}\n\n: ka\nevent: error\nid: 3\ndata: x\n\ndata: [DONE]\n\n',
    );
    expect(writes(toActions({ ...script, lineEnding: 'crlf', bom: true })).join('')).toBe(
      '\xef\xbb\xbfdata: {"a":1}\r\n\r\n: ka\r\nevent: error\r\nid: 3\r\ndata: x\r\n\r\ndata: [DONE]\r\n\r\n',
    );
    expect(writes(toActions({ ...script, lineEnding: 'cr' })).join('')).not.toContain('\n');
  });

  it('re-cuts writes at offsets, in fixed sizes or byte by byte, keeping pauses', () => {
    const steps = [{ raw: 'abcdef' }, { raw: 'ghij' }, { delayMs: 5 }, { raw: 'klm' }];
    expect(writes(toActions({ type: 'stream', steps, chunking: { at: [2, 7, 11] } }))).toEqual([
      'ab',
      'cdefg',
      'hij',
      'k',
      'lm',
    ]);
    expect(writes(toActions({ type: 'stream', steps, chunking: { size: 4 } }))).toEqual([
      'abcd',
      'efgh',
      'ij',
      'klm',
    ]);
    const bytes = toActions({ type: 'stream', steps, chunking: 'byte' });
    expect(bytes).toHaveLength(14);
    expect(bytes[10]).toEqual({ delayMs: 5 });
  });

  it('tokensScript: role chunk, tokens, finish, usage with choices: [], [DONE]', () => {
    const data = writes(toActions(tokensScript(['Hi', '!'], { model: 'gpt-4o' })))
      .join('')
      .split('\n\n')
      .filter((frame) => frame !== '')
      .map((frame) => frame.replace(/^data: /, ''));
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((json) => JSON.parse(json) as Record<string, unknown>);
    expect(chunks[0]).toMatchObject({
      object: 'chat.completion.chunk',
      model: 'gpt-4o',
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    expect(chunks[1]).toMatchObject({ choices: [{ delta: { content: 'Hi' } }] });
    expect(chunks[3]).toMatchObject({ choices: [{ delta: {}, finish_reason: 'stop' }] });
    expect(chunks[4]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
    });
    const steps = tokensScript(['a', 'b'], { tokensPerSecond: 300 }).steps;
    expect(steps.filter((s) => typeof s === 'object' && 'delayMs' in s)).toEqual([
      { delayMs: 1000 / 300 },
      { delayMs: 1000 / 300 },
    ]);
  });

  it('textToTokens splits into word-like pieces that join back exactly', () => {
    const text = 'Tiết kiệm chi phí  với 中转站!\n\nEmoji 👨‍👩‍👧 🎉 ok. ';
    const tokens = textToTokens(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain(' 👨‍👩‍👧');
    expect(tokens).toContain(' kiệm');
    expect(tokens.length).toBeGreaterThan(10);
  });
});

describe('fake relay server', () => {
  let relay: FakeRelay;
  beforeAll(async () => {
    relay = await startFakeRelay({ apiKey: 'hsa-k', models: ['m1', 'm0'], echoDelayMs: 1 });
  });
  afterAll(() => relay.close());
  beforeEach(() => relay.reset());

  it('answers an unscripted chat with an echo of the last user message', async () => {
    const outcome = await run(relay.baseUrl, {
      apiKey: 'hsa-k',
      model: 'm1',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'reply' },
        { role: 'user', content: 'Giá bao nhiêu?' },
      ],
    });
    expect(outcome.content).toBe('You said: Giá bao nhiêu?');
    expect(outcome.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('refuses a wrong key with 401 and an unknown model with 400, like the real relay', async () => {
    const response = await fetch(`${relay.baseUrl}/models`, {
      headers: { authorization: 'Bearer sk-x' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { message: 'Invalid API key' } });
    expect((await run(relay.baseUrl, { apiKey: 'hsa-k', model: 'nope' })).error?.code).toBe(
      'model_not_found',
    );
  });

  it('records requests in order; waitForRequest walks them one by one', async () => {
    await run(relay.baseUrl, { apiKey: 'hsa-k', model: 'm0' });
    await fetch(`${relay.origin}/elsewhere`);
    const first = await relay.waitForRequest();
    const second = await relay.waitForRequest();
    expect([first.index, first.method, first.path]).toEqual([0, 'POST', '/v1/chat/completions']);
    expect(first.body).toMatchObject({ model: 'm0', stream: true });
    expect([second.index, second.path]).toEqual([1, '/elsewhere']);
    const later = relay.waitForRequest();
    await fetch(`${relay.baseUrl}/models`, { headers: { authorization: 'Bearer hsa-k' } });
    expect((await later).path).toBe('/v1/models');
  });

  it('uses queued scripts first, then the default (a script or a function of the request)', async () => {
    relay.enqueue(tokensScript(['queued']));
    relay.setDefault((req) =>
      tokensScript([`default for ${(req.body as { model: string }).model}`]),
    );
    expect((await run(relay.baseUrl, { apiKey: 'hsa-k', model: 'm1' })).content).toBe('queued');
    expect((await run(relay.baseUrl, { apiKey: 'hsa-k', model: 'any' })).content).toBe(
      'default for any',
    );
  });

  it('reports socket closes and open connections', async () => {
    relay.enqueue({ type: 'hang' });
    const closed: number[] = [];
    const stop = relay.onSocketClosed((at) => closed.push(at));
    const controller = new AbortController();
    const pending = run(
      relay.baseUrl,
      { apiKey: 'hsa-k', model: 'm1' },
      { signal: controller.signal },
    );
    const request = await relay.waitForRequest();
    expect(relay.openConnections).toBeGreaterThan(0);
    controller.abort();
    await pending;
    const at = await request.socketClosed;
    expect(closed).toContain(at);
    stop();
  });

  it('a scripted cut sends every event before it, then breaks the connection', async () => {
    const events = ['first', 'second', 'last before the cut'].map((text) => ({
      data: { choices: [{ delta: { content: text } }] },
    }));
    relay.enqueue({ type: 'stream', steps: [...events, 'cut'] });
    const url = new URL(`${relay.baseUrl}/chat/completions`);
    const received = await new Promise<{ body: string; ended: boolean; broken: boolean }>(
      (resolve, reject) => {
        const headers = { authorization: 'Bearer hsa-k' };
        const req = httpRequest(url, { method: 'POST', headers }, (res) => {
          let body = '';
          let ended = false;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => (ended = true));
          res.on('error', () => undefined);
          res.on('close', () => resolve({ body, ended, broken: !res.complete }));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ model: 'm1', messages: [{ role: 'user', content: 'x' }] }));
      },
    );
    // No delay between the last write and the cut: the last event must still be on the wire.
    expect(received.body).toContain('last before the cut');
    expect(received.body.match(/^data: /gm)).toHaveLength(3);
    expect(received.broken).toBe(true);
    expect(received.ended).toBe(false);
  });
});
