/** Marks a failure to reach the proxy itself (the relay was never contacted). */
export const PROXY_UNREACHABLE = 'FLEECE_PROXY_UNREACHABLE';

/**
 * Through a proxy, this machine connects only to the proxy: a refused, unresolvable or
 * timed-out connection is the proxy's. Wrapped so the relay client names the proxy, not the relay.
 */
export function markProxyUnreachable(error: unknown, proxy: string): unknown {
  const codes = codesOf(error);
  if (!codes.some((c) => /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(c)))
    return error;
  return Object.assign(new Error(`proxy ${proxy} unreachable`, { cause: error }), {
    code: PROXY_UNREACHABLE,
  });
}

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    const r = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof r.code === 'string') codes.push(r.code);
    if (Array.isArray(r.errors)) for (const e of r.errors as unknown[]) codes.push(...codesOf(e));
    current = r.cause;
  }
  return codes;
}

/** Which proxy failure a fetch error is (Node/undici and Chromium's `net::ERR_…`), if any. */
export function proxyFailureOf(all: string): 'refused' | 'auth' | 'tunnel' | null {
  if (new RegExp(`${PROXY_UNREACHABLE}|PROXY_CONNECTION_FAILED|PROXY_CERTIFICATE`).test(all))
    return 'refused';
  if (/\(407\)|PROXY_AUTH|SOCKS5_AUTH/i.test(all)) return 'auth';
  if (/when HTTP Tunneling|TUNNEL_CONNECTION_FAILED|SOCKS5_REPLY|SOCKS_CONNECTION/i.test(all))
    return 'tunnel';
  return null;
}
