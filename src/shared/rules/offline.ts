/**
 * What a failed request says about the network. A relay that answered (401, 404, 5xx…) proves the
 * network works, so "Offline" is never said for it; only a request that reached nobody suggests
 * the network is down. Other failures say nothing either way.
 */
export type NetworkVerdict = 'down' | 'up' | 'unknown';

const REACHED_NOBODY = new Set(['network', 'timeout_connect']);
const SERVER_ANSWERED = new Set([
  'auth',
  'model_not_found',
  'bad_request',
  'rate_limited',
  'server',
  'too_large',
  'redirect_refused',
]);

export function networkVerdict(kind: string | undefined): NetworkVerdict {
  if (kind === undefined) return 'unknown';
  if (REACHED_NOBODY.has(kind)) return 'down';
  if (SERVER_ANSWERED.has(kind)) return 'up';
  return 'unknown';
}
