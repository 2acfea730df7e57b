import { isLoopbackHost } from '../../shared/rules/hosts';
import { FleeceError } from '../errors/FleeceError';
import { coded, type Code, type TextParams } from '../../shared/codes';
import { proxyFailureOf } from '../net/proxyErrors';

const PROXY_TEXTS = {
  refused: ['proxy_refused', 'hint_proxy_address'],
  auth: ['proxy_auth_failed', 'hint_proxy_credentials'],
  tunnel: ['proxy_tunnel_failed', 'hint_proxy_tunnel'],
} as const;

interface FailureTrace {
  codes: string[];
  messages: string[];
}

/**
 * A fetch that threw (no HTTP answer, or a body that broke), turned into a `network` error naming
 * the cause. Understands Node/undici (`cause.code`) and Electron `net.fetch` (`net::ERR_…`).
 * The low-level cause (an error code such as ECONNRESET) goes in `detail`: it is not ours to translate.
 */
export function errorFromFetchFailure(error: unknown, url: string): FleeceError {
  const trace = traceOf(error);
  const all = [...trace.codes, ...trace.messages].join(' ');
  const target = new URL(url);
  const host = target.host;
  const detail = trace.codes[0] ?? trace.messages.find((m) => m !== 'fetch failed') ?? undefined;
  const fail = (
    kind: 'network' | 'timeout_connect' | 'timeout_first_byte',
    text: Code,
    hint: Code,
    params: TextParams = { host },
  ) =>
    new FleeceError(kind, {
      text,
      params,
      hint: coded(hint),
      ...(detail === undefined ? {} : { detail }),
      cause: error,
    });

  const proxy = proxyFailureOf(all);
  if (proxy !== null) {
    const [text, hint] = PROXY_TEXTS[proxy];
    return new FleeceError('proxy', {
      text,
      params: { host },
      hint: coded(hint),
      ...(detail === undefined ? {} : { detail }),
      cause: error,
    });
  }
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME|NAME_NOT_RESOLVED/i.test(all)) {
    return fail('network', 'relay_dns', 'hint_check_address_connection', { host: target.hostname });
  }
  if (/ECONNREFUSED|CONNECTION_REFUSED/i.test(all)) {
    const local = isLoopbackHost(target.hostname);
    return fail(
      'network',
      'relay_refused_connection',
      local ? 'hint_local_server' : 'hint_check_address_port',
    );
  }
  if (/CERT|SSL|TLS|EPROTO|HANDSHAKE/i.test(all)) {
    const wrongScheme = /wrong version number|WRONG_VERSION|packet length too long/i.test(all);
    return fail('network', 'relay_tls', wrongScheme ? 'hint_not_https' : 'hint_certificate');
  }
  if (/HEADERS_TIMEOUT/i.test(all)) {
    // The request was sent: the relay may be working on it, so this one is never retried.
    return fail('timeout_first_byte', 'relay_headers_timeout', 'hint_not_resent');
  }
  if (/ETIMEDOUT|CONNECT_TIMEOUT|ERR_TIMED_OUT|CONNECTION_TIMED_OUT/i.test(all)) {
    return fail('timeout_connect', 'relay_no_answer', 'hint_check_connection_proxy');
  }
  if (
    /ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed|CONNECTION_(RESET|CLOSED|ABORTED)|EMPTY_RESPONSE|terminated/i.test(
      all,
    )
  ) {
    return fail('network', 'relay_connection_closed', 'hint_connection_cut');
  }
  if (
    /ENETUNREACH|EHOSTUNREACH|INTERNET_DISCONNECTED|NETWORK_CHANGED|ADDRESS_UNREACHABLE/i.test(all)
  ) {
    return fail('network', 'relay_no_route', 'hint_check_internet');
  }
  if (/PROXY|TUNNEL/i.test(all)) {
    return fail('network', 'relay_proxy_connect', 'hint_check_proxy');
  }
  return fail('network', 'relay_unreachable_detail', 'hint_check_address_connection');
}

function traceOf(error: unknown): FailureTrace {
  const trace: FailureTrace = { codes: [], messages: [] };
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    if (typeof current === 'object') {
      const record = current as {
        code?: unknown;
        message?: unknown;
        cause?: unknown;
        errors?: unknown;
      };
      if (typeof record.code === 'string') trace.codes.push(record.code);
      if (typeof record.message === 'string' && record.message !== '')
        trace.messages.push(record.message);
      // Happy-eyeballs failures (IPv4 + IPv6 both refused) come as an AggregateError.
      if (Array.isArray(record.errors) && record.errors.length > 0 && record.cause === undefined) {
        current = record.errors[0];
        continue;
      }
      current = record.cause;
    } else {
      trace.messages.push(String(current));
      break;
    }
  }
  return trace;
}
