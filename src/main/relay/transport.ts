import { USER_AGENT } from '../../shared/app-info';
import type { AttemptControl } from './attempt-control';
import { errorFromFetchFailure } from './network-errors';
import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import type { FetchLike } from './types';

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface OutgoingRequest {
  url: string;
  method: 'GET' | 'POST';
  accept: string;
  apiKey?: string;
  body?: string;
}

export interface Answer {
  response: Response;
  /** Where the answer finally came from, after redirects. */
  url: string;
}

export function requestHeaders(req: OutgoingRequest): Record<string, string> {
  const headers: Record<string, string> = { accept: req.accept, 'user-agent': USER_AGENT };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  const key = req.apiKey?.trim() ?? '';
  if (key !== '') headers['authorization'] = `Bearer ${key}`;
  return headers;
}

/**
 * How long a request may take. `connectMs` alone: one timer until the response headers, raised
 * as `timeout_connect` (fine for GETs, which may be repeated). With `firstByteMs` (a POST that
 * costs money): `connectMs` only bounds TCP/TLS set-up, enforced by the fetch implementation
 * (`connectTimeoutMs` in its init; see node-fetch.ts), and the wait for the answer's headers after
 * the request went out is `firstByteMs`, raised as `timeout_first_byte`, which is never retried:
 * the relay may already be working (and billing) on it.
 */
export interface SendTimeouts {
  connectMs: number;
  firstByteMs?: number;
}

/**
 * Sends a request and waits for the response headers under its timeouts, following redirects
 * ourselves: `Authorization` goes only to the origin the user configured.
 */
export async function send(
  req: OutgoingRequest,
  fetchFn: FetchLike,
  control: AttemptControl,
  timeouts: SendTimeouts,
): Promise<Answer> {
  const origin = new URL(req.url).origin;
  const headers = requestHeaders(req);
  let url = req.url;
  let method = req.method;
  let body = req.body;
  for (let hop = 0; ; hop++) {
    const response = await fetchHeaders(
      url,
      { method, headers, body, redirect: 'manual' },
      fetchFn,
      control,
      timeouts,
    );
    if (
      response.type === 'opaqueredirect' ||
      (response.status === 0 && response.type !== 'error')
    ) {
      throw new FleeceError('protocol', {
        text: 'relay_redirect_elsewhere',
        hint: coded('hint_update_base_url'),
      });
    }
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return { response, url };
    response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) {
      throw new FleeceError('protocol', {
        text: 'relay_redirect_loop',
        params: { count: MAX_REDIRECTS },
        status: response.status,
        hint: coded('hint_update_base_url'),
      });
    }
    const next = new URL(location, url).href;
    // The conversation is for the relay the user chose: a body never follows a redirect elsewhere.
    if (body !== undefined && response.status !== 303 && !sameSite(origin, next))
      throw redirectRefused(response.status, next);
    if (new URL(next).origin !== origin) delete headers['authorization'];
    // 303 means "fetch the result with GET". 301/302 keep the POST: browsers turn it into a GET,
    // but an API call re-sent as GET can only fail, and these hops are usually http→https moves.
    if (response.status === 303) {
      method = 'GET';
      body = undefined;
      delete headers['content-type'];
    }
    url = next;
  }
}

/** Same origin, or the same host moving from http to https (the usual reason to redirect). */
function sameSite(origin: string, next: string): boolean {
  const from = new URL(origin);
  const to = new URL(next);
  if (to.origin === from.origin) return true;
  return from.protocol === 'http:' && to.protocol === 'https:' && to.hostname === from.hostname;
}

function redirectRefused(status: number, to: string): FleeceError {
  return new FleeceError('redirect_refused', {
    text: 'relay_redirected_to',
    params: { origin: new URL(to).origin },
    status,
  });
}

async function fetchHeaders(
  url: string,
  init: RequestInit & { headers: Record<string, string> },
  fetchFn: FetchLike,
  control: AttemptControl,
  timeouts: SendTimeouts,
): Promise<Response> {
  if (control.reason !== undefined) throw control.error();
  const split = timeouts.firstByteMs !== undefined;
  const timer = split
    ? setTimeout(() => control.stop('timeout_first_byte'), timeouts.firstByteMs)
    : setTimeout(() => control.stop('timeout_connect'), timeouts.connectMs);
  const request: Parameters<FetchLike>[1] = {
    ...init,
    headers: { ...init.headers },
    signal: control.signal,
  };
  if (split) request.connectTimeoutMs = timeouts.connectMs;
  try {
    return await Promise.race([fetchFn(url, request), control.stopped]);
  } catch (error) {
    if (control.reason !== undefined) throw control.error();
    if (error instanceof FleeceError) throw error;
    throw errorFromFetchFailure(error, url);
  } finally {
    clearTimeout(timer);
  }
}
