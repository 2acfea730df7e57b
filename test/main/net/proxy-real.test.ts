import { createConnection, createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NodeNetwork } from '../../../src/main/net/NodeNetwork';
import { DEFAULT_BYPASS } from '../../../src/shared/types/network';
import type { ProxyPlan } from '../../../src/main/net/proxyPlan';
import {
  startFakeRelay,
  textToTokens,
  tokensScript,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { startSquid } from '../../fixtures/squid';
import { startTinyproxy, type Tinyproxy } from '../../fixtures/tinyproxy';
import { run } from '../relay/helpers';

const ANSWER = 'Xin chào! Tôi đi qua proxy. 你好，代理。';

function manual(proxy: Tinyproxy, extra: Partial<ProxyPlan> = {}): ProxyPlan {
  return {
    mode: 'manual',
    protocol: 'http',
    host: proxy.host,
    port: proxy.port,
    username: '',
    password: null,
    // The fake relay is on loopback, which the default list sends direct: empty it.
    bypass: [],
    ca: null,
    ...extra,
  };
}

/** Prints what the proxy logged, for the record of what each real-proxy test saw. */
function printLog(title: string, proxy: Tinyproxy): void {
  const lines = proxy
    .log()
    .split('\n')
    // (The fixture's own readiness check shows as a first connection closed before a request.)
    .filter(
      (l) => /Request|Connect \(|auth|407|Established/i.test(l) && !/read_request_line/.test(l),
    );
  console.log(`--- tinyproxy log: ${title} ---\n${lines.join('\n')}`);
}

/**
 * A loopback port where nothing listens and nothing can start listening meanwhile: the local end of
 * a connection held open for the test. A connect to it is refused at once. (A port freed by
 * stopping a proxy can be handed to another test's server before the request reaches it, which
 * then accepts and never answers.)
 */
async function refusingPort(): Promise<{ port: number; release(): void }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const holder = createConnection({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    holder.once('connect', resolve);
    holder.once('error', reject);
  });
  const local = holder.localPort;
  if (local === undefined) throw new Error('the held connection has no local port');
  return {
    port: local,
    release() {
      holder.destroy();
      server.close();
    },
  };
}

let relay: FakeRelay;
let network: NodeNetwork;
let proxy: Tinyproxy | undefined;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());
afterEach(async () => {
  await network.close();
  await proxy?.close();
  proxy = undefined;
  relay.reset();
});

describe('requests through a real tinyproxy', () => {
  it('a chat streams through the proxy, and the proxy logged the request', async () => {
    proxy = await startTinyproxy();
    network = new NodeNetwork(manual(proxy));
    relay.enqueue(tokensScript(textToTokens(ANSWER), { delayMs: 5 }));
    const outcome = await run(relay.baseUrl, {}, { fetch: network.fetch });
    printLog('chat through the proxy', proxy);
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe(ANSWER);
    expect(outcome.events.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
    expect(proxy.requests()).toEqual([
      expect.stringContaining(`POST http://127.0.0.1:${relay.port}/v1/chat/completions`),
    ]);
  });

  it('with the right user and password the proxy lets the chat through', async () => {
    proxy = await startTinyproxy({ user: 'fleece', password: 'S3cret-pass' });
    network = new NodeNetwork(manual(proxy, { username: 'fleece', password: 'S3cret-pass' }));
    relay.enqueue(tokensScript(textToTokens(ANSWER)));
    const outcome = await run(relay.baseUrl, {}, { fetch: network.fetch });
    printLog('chat with proxy authentication', proxy);
    expect(outcome.content).toBe(ANSWER);
    expect(relay.requests).toHaveLength(1);
  });

  it('a proxy asking for credentials Fleece lacks gives the 407 proxy card; the relay is never asked', async () => {
    proxy = await startTinyproxy({ user: 'fleece', password: 'right' });
    network = new NodeNetwork(manual(proxy));
    const outcome = await run(relay.baseUrl, {}, { fetch: network.fetch });
    printLog('no proxy credentials (tinyproxy answers 407)', proxy);
    expect(outcome.error?.code).toBe('proxy');
    expect(outcome.error?.text.code).toBe('proxy_auth_failed');
    expect(outcome.error?.hint?.code).toBe('hint_proxy_credentials');
    expect(relay.requests).toHaveLength(0);
    expect(proxy.requests()).toHaveLength(1);
  });

  it('a host on the bypass list goes direct: the relay answers, the proxy sees nothing', async () => {
    proxy = await startTinyproxy();
    network = new NodeNetwork(manual(proxy, { bypass: ['127.0.0.0/8'] }));
    relay.enqueue(tokensScript(textToTokens(ANSWER)));
    const outcome = await run(relay.baseUrl, {}, { fetch: network.fetch });
    printLog('bypassed host', proxy);
    expect(outcome.content).toBe(ANSWER);
    expect(relay.requests).toHaveLength(1);
    expect(proxy.requests()).toEqual([]);
  });

  it('a change applies to the next request at once: proxy, then direct, then proxy', async () => {
    proxy = await startTinyproxy();
    network = new NodeNetwork(manual(proxy));
    for (const plan of [
      manual(proxy),
      { ...manual(proxy), mode: 'none' as const },
      manual(proxy),
    ]) {
      await network.apply(plan);
      relay.enqueue(tokensScript(textToTokens(ANSWER)));
      expect((await run(relay.baseUrl, {}, { fetch: network.fetch })).content).toBe(ANSWER);
    }
    printLog('proxy, direct, proxy', proxy);
    expect(relay.requests).toHaveLength(3);
    expect(proxy.requests()).toHaveLength(2);
  });

  it('a proxy that is not running is named as the proxy, not the relay', async () => {
    const closed = await refusingPort();
    try {
      network = new NodeNetwork({
        ...manual({ host: '127.0.0.1', port: closed.port } as Tinyproxy),
      });
      const outcome = await run(relay.baseUrl, {}, { fetch: network.fetch });
      expect(outcome.error?.code).toBe('proxy');
      expect(outcome.error?.text.code).toBe('proxy_refused');
      expect(relay.requests).toHaveLength(0);
    } finally {
      closed.release();
    }
  });
});

describe('a wrong password through a real squid', () => {
  // tinyproxy answers a wrong password with 401 (and 407 only when none is sent); squid answers
  // 407 as RFC 9110 says, which is what corporate proxies do.
  it('gives the 407 proxy card; squid logged TCP_DENIED/407 and the relay was never asked', async () => {
    const squid = await startSquid('fleece', 'right');
    network = new NodeNetwork({
      ...manual({ host: squid.host, port: squid.port } as Tinyproxy),
      username: 'fleece',
      password: 'wrong',
    });
    try {
      const outcome = await run(relay.baseUrl, {}, { fetch: network.fetch });
      expect(outcome.error?.code).toBe('proxy');
      expect(outcome.error?.text.code).toBe('proxy_auth_failed');
      // Squid writes a transaction's line once it has ended, a moment after the client saw it.
      await expect
        .poll(() => squid.accessLog(), { timeout: 10_000 })
        .toMatch(
          new RegExp(
            `TCP_DENIED/407 .* POST http://127\\.0\\.0\\.1:${relay.port}/v1/chat/completions fleece`,
          ),
        );
      console.log(`--- squid access log: wrong proxy password ---\n${squid.accessLog().trim()}`);
      expect(relay.requests).toHaveLength(0);

      // The right password, applied at once, lets the next chat through the same squid.
      await network.apply({
        ...manual({ host: squid.host, port: squid.port } as Tinyproxy),
        username: 'fleece',
        password: 'right',
      });
      relay.enqueue(tokensScript(textToTokens(ANSWER)));
      expect((await run(relay.baseUrl, {}, { fetch: network.fetch })).content).toBe(ANSWER);
      await expect
        .poll(() => squid.accessLog(), { timeout: 10_000 })
        .toMatch(/TCP_MISS\/200 .* POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions fleece/);
      console.log(`--- squid access log: then the right password ---\n${squid.accessLog().trim()}`);
    } finally {
      await squid.close();
    }
  });
});

describe('the system mode in Node (HTTP_PROXY from the environment)', () => {
  it('goes through the environment’s proxy, but loopback on the bypass list stays direct', async () => {
    proxy = await startTinyproxy();
    const saved = process.env['HTTP_PROXY'];
    process.env['HTTP_PROXY'] = `http://${proxy.host}:${proxy.port}`;
    try {
      network = new NodeNetwork({ ...manual(proxy), mode: 'system', bypass: DEFAULT_BYPASS });
      relay.enqueue(tokensScript(textToTokens(ANSWER)));
      expect((await run(relay.baseUrl, {}, { fetch: network.fetch })).content).toBe(ANSWER);
      expect(proxy.requests()).toEqual([]);

      await network.apply({ ...manual(proxy), mode: 'system', bypass: [] });
      relay.enqueue(tokensScript(textToTokens(ANSWER)));
      expect((await run(relay.baseUrl, {}, { fetch: network.fetch })).content).toBe(ANSWER);
      printLog('system mode with HTTP_PROXY set, loopback removed from the bypass list', proxy);
      expect(proxy.requests()).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env['HTTP_PROXY'];
      else process.env['HTTP_PROXY'] = saved;
    }
  });
});
