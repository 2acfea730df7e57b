import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeRelay, tokensScript, type FakeRelay } from '../../fixtures/fake-relay';
import { run } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

const chats = (): number => relay.requests.filter((r) => r.path === '/v1/chat/completions').length;

describe('a relay slow to send its headers is never sent the request twice', () => {
  it('headers after the connect timeout: one POST, and the answer completes', async () => {
    relay.enqueue({ ...tokensScript(['Xin', ' chào']), headersDelayMs: 400 });
    const outcome = await run(
      relay.baseUrl,
      {},
      { connectTimeoutMs: 100, maxRetries: 2, retryBaseDelayMs: 1 },
    );
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe('Xin chào');
    expect(outcome.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
    expect(chats()).toBe(1);
  });

  it('headers after the first-byte timeout: timeout_first_byte, not retried', async () => {
    relay.enqueue({ ...tokensScript(['late']), headersDelayMs: 600 });
    relay.enqueue(tokensScript(['a second, billed answer']));
    const outcome = await run(
      relay.baseUrl,
      {},
      { connectTimeoutMs: 50, firstByteTimeoutMs: 200, maxRetries: 2, retryBaseDelayMs: 1 },
    );
    expect(outcome.error?.code).toBe('timeout_first_byte');
    expect(outcome.error?.text).toEqual({
      code: 'relay_first_byte_timeout',
      params: { seconds: 0.2 },
    });
    expect(chats()).toBe(1);
    await relay.requests[0]?.socketClosed;
  });
});

describe('a connect that times out is retried (the request never left)', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts TCP and never speaks TLS: the handshake of an https:// URL cannot finish.
    silent = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('TLS set-up past the connect timeout → timeout_connect after every retry, nothing sent', async () => {
    const address = silent.address() as { port: number };
    const outcome = await run(
      `https://127.0.0.1:${address.port}/v1`,
      {},
      { connectTimeoutMs: 100, maxRetries: 2, retryBaseDelayMs: 1 },
    );
    expect(outcome.error?.code).toBe('timeout_connect');
    // Three attempts, three connections; none of them got as far as a request.
    expect(sockets).toHaveLength(3);
    for (const s of sockets) expect(s.bytesRead).toBeGreaterThan(0); // a TLS ClientHello only
  });
});
