import { isLoopbackHost } from '../../shared/rules/hosts';
import { RelayError } from './relay-error';

interface FailureTrace {
  codes: string[];
  messages: string[];
}

/**
 * A fetch that threw (no HTTP answer, or a body that broke), turned into a `network` error naming
 * the cause. Understands Node/undici (`cause.code`) and Electron `net.fetch` (`net::ERR_…`).
 */
export function errorFromFetchFailure(error: unknown, url: string): RelayError {
  const trace = traceOf(error);
  const all = [...trace.codes, ...trace.messages].join(' ');
  const target = new URL(url);
  const where = target.host;
  const detail =
    trace.codes[0] ?? trace.messages.find((m) => m !== 'fetch failed') ?? 'unknown error';
  const cause = { cause: error };

  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME|NAME_NOT_RESOLVED/i.test(all)) {
    return new RelayError(
      'network',
      `Could not find the relay's server: the name ${target.hostname} does not resolve (DNS).`,
      {
        ...cause,
        hint: 'Check the address and your internet connection.',
      },
    );
  }
  if (/ECONNREFUSED|CONNECTION_REFUSED/i.test(all)) {
    const local = isLoopbackHost(target.hostname);
    return new RelayError('network', `${where} refused the connection.`, {
      ...cause,
      hint: local
        ? 'Is the local server (Ollama, LM Studio…) running on that port?'
        : 'Check the address and port of the relay.',
    });
  }
  if (/CERT|SSL|TLS|EPROTO|HANDSHAKE/i.test(all)) {
    const wrongScheme = /wrong version number|WRONG_VERSION|packet length too long/i.test(all);
    return new RelayError('network', `The secure (TLS) connection to ${where} failed: ${detail}.`, {
      ...cause,
      hint: wrongScheme
        ? 'The server does not speak HTTPS there: check http:// versus https:// in the address.'
        : "The relay's certificate is not trusted, or a proxy or antivirus is intercepting HTTPS.",
    });
  }
  if (/HEADERS_TIMEOUT/i.test(all)) {
    // The request was sent: the relay may be working on it, so this one is never retried.
    return new RelayError('timeout_first_byte', `${where} did not start answering in time.`, {
      ...cause,
      hint: 'The request was not sent again, so it is not billed twice. Try again in a moment.',
    });
  }
  if (/ETIMEDOUT|CONNECT_TIMEOUT|ERR_TIMED_OUT|CONNECTION_TIMED_OUT/i.test(all)) {
    return new RelayError('timeout_connect', `${where} did not answer in time.`, {
      ...cause,
      hint: 'Check your connection, proxy or VPN, then try again.',
    });
  }
  if (
    /ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed|CONNECTION_(RESET|CLOSED|ABORTED)|EMPTY_RESPONSE|terminated/i.test(
      all,
    )
  ) {
    return new RelayError(
      'network',
      `The connection to ${where} was closed unexpectedly (${detail}).`,
      {
        ...cause,
        hint: 'This is usually temporary; try again. A proxy or firewall may be cutting the connection.',
      },
    );
  }
  if (
    /ENETUNREACH|EHOSTUNREACH|INTERNET_DISCONNECTED|NETWORK_CHANGED|ADDRESS_UNREACHABLE/i.test(all)
  ) {
    return new RelayError('network', `No route to ${where}: you may be offline.`, {
      ...cause,
      hint: 'Check your internet connection.',
    });
  }
  if (/PROXY|TUNNEL/i.test(all)) {
    return new RelayError('network', `The proxy could not connect to ${where} (${detail}).`, {
      ...cause,
      hint: 'Check the system proxy settings.',
    });
  }
  return new RelayError('network', `Could not reach ${where}: ${detail}.`, {
    ...cause,
    hint: 'Check the address and your internet connection.',
  });
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
