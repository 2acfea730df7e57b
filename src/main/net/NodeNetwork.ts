import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import { bypassesProxy } from '../../shared/rules/proxyBypass';
import { DEFAULT_BYPASS } from '../../shared/types/network';
import type { FetchLike } from '../relay/types';
import { markProxyUnreachable } from './proxyErrors';
import { proxyAddress, routeOf, type NetworkHost, type ProxyPlan } from './proxyPlan';

const DIRECT: ProxyPlan = {
  mode: 'none',
  protocol: 'http',
  host: '',
  port: null,
  username: '',
  password: null,
  bypass: DEFAULT_BYPASS,
  ca: null,
};

/** Connect timeout when the caller gives none (images, the proxy test). */
const DEFAULT_CONNECT_MS = 30_000;

/**
 * Node's fetch routed by the user's proxy settings, through undici dispatchers: direct
 * (`Agent`), the environment's HTTP(S)_PROXY / NO_PROXY for "system" (`EnvHttpProxyAgent`), or
 * a manual HTTP, HTTPS or SOCKS5 proxy (`ProxyAgent`, which hands SOCKS5 to undici's
 * `Socks5ProxyAgent`). Hosts on the bypass list go direct. A new plan takes effect for the next
 * request; requests already running finish on the dispatcher they started with.
 */
export class NodeNetwork implements NetworkHost {
  private plan: ProxyPlan;
  private dispatchers = new Map<string, Dispatcher>();

  constructor(plan: ProxyPlan = { ...DIRECT, mode: 'system' }) {
    this.plan = plan;
  }

  apply(plan: ProxyPlan): Promise<void> {
    const old = [...this.dispatchers.values()];
    this.plan = plan;
    this.dispatchers = new Map();
    // close() lets running requests (a streaming answer) end before the sockets go.
    for (const d of old) void d.close().catch(() => undefined);
    return Promise.resolve();
  }

  /** How a request to `url` would travel under the current plan. */
  routeFor(url: string): { via: 'proxy' | 'direct' | 'system'; proxy: string | null } {
    // HTTP_PROXY from the environment would otherwise take loopback along (NO_PROXY rarely
    // lists it): the bypass list holds for the system mode too.
    if (this.plan.mode === 'system' && bypassesProxy(new URL(url).hostname, this.plan.bypass))
      return { via: 'direct', proxy: null };
    return routeOf(this.plan, url);
  }

  readonly fetch: FetchLike = (url, init) => {
    const { connectTimeoutMs, ...rest } = init;
    const dispatcher = this.dispatcherFor(url, connectTimeoutMs ?? DEFAULT_CONNECT_MS);
    const route = this.routeFor(url);
    const request = globalThis.fetch(url, { ...rest, dispatcher } as RequestInit);
    if (route.proxy === null) return request;
    const proxy = route.proxy;
    return request.catch((error: unknown) => {
      throw markProxyUnreachable(error, proxy);
    });
  };

  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.close().catch(() => undefined)));
  }

  private dispatcherFor(url: string, connectTimeoutMs: number): Dispatcher {
    const route = this.routeFor(url).via;
    const key = `${route}:${connectTimeoutMs}`;
    let dispatcher = this.dispatchers.get(key);
    if (dispatcher === undefined) {
      dispatcher = this.build(route, connectTimeoutMs);
      this.dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }

  private build(route: 'proxy' | 'direct' | 'system', connectTimeoutMs: number): Dispatcher {
    const plan = this.plan;
    const tls = plan.ca === null ? {} : { ca: [...rootCertificates, plan.ca] };
    // undici's own header and body timeouts are off: the relay client times those phases itself.
    const base = { headersTimeout: 0, bodyTimeout: 0 };
    if (route === 'direct')
      return new Agent({ ...base, connect: { timeout: connectTimeoutMs, ...tls } });
    if (route === 'system') return new EnvHttpProxyAgent({ ...base, connect: { ...tls } });
    const auth =
      plan.username === ''
        ? {}
        : plan.protocol === 'socks5'
          ? { username: plan.username, password: plan.password ?? '' }
          : {
              token: `Basic ${Buffer.from(`${plan.username}:${plan.password ?? ''}`).toString('base64')}`,
            };
    // SOCKS5 credentials go as options: undici would pass URL-encoded ones to the proxy as is.
    return new ProxyAgent({
      ...base,
      uri: proxyAddress(plan),
      ...auth,
      // Plain-http relays go as ordinary proxied requests (what the proxy's log shows as GET/POST
      // with the full address); https ones through a CONNECT tunnel.
      proxyTunnel: false,
      proxyTls: { timeout: connectTimeoutMs, ...tls },
      requestTls: { timeout: connectTimeoutMs, ...tls },
    } as ProxyAgent.Options);
  }
}
