import { Agent } from 'undici';
import type { FetchLike } from './types';

/** One connection pool per connect timeout in use (profiles rarely differ). */
const agents = new Map<number, Agent>();

function agentFor(connectTimeoutMs: number): Agent {
  let agent = agents.get(connectTimeoutMs);
  if (agent === undefined) {
    // undici's own header and body timeouts are off: the relay client times those phases itself.
    agent = new Agent({
      connect: { timeout: connectTimeoutMs },
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    agents.set(connectTimeoutMs, agent);
  }
  return agent;
}

/**
 * Node's fetch with TCP/TLS set-up bounded by `connectTimeoutMs` (undici's `connect.timeout`):
 * a connect that times out is safe to retry, since the request never left. Used by tests and the
 * harness; the Electron app passes `net.fetch`.
 */
export const nodeFetch: FetchLike = (url, init) => {
  const { connectTimeoutMs, ...rest } = init;
  if (connectTimeoutMs === undefined) return globalThis.fetch(url, rest);
  return globalThis.fetch(url, {
    ...rest,
    dispatcher: agentFor(connectTimeoutMs),
  } as RequestInit);
};
