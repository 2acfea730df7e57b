/**
 * Whether a feed URL can be used: https only (the update metadata names the files and their
 * SHA-512 hashes, so it must not be open to tampering on the way), except on the loopback
 * interface, where a local test server or mirror speaks plain http.
 */
export type FeedCheck = 'ok' | 'empty' | 'not_https' | 'invalid';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkFeedUrl(raw: string): FeedCheck {
  const text = raw.trim();
  if (text === '') return 'empty';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'invalid';
  if (url.protocol === 'https:') return 'ok';
  if (url.protocol === 'http:') return LOOPBACK.has(url.hostname) ? 'ok' : 'not_https';
  return 'invalid';
}
