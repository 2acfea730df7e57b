import { isLoopbackHost } from './hosts';

/** Why a typed base URL cannot be used; null when it can. */
export type BaseUrlRefusal =
  | { reason: 'missing' }
  | { reason: 'invalid' }
  | { reason: 'protocol'; protocol: string }
  | { reason: 'credentials' }
  | { reason: 'query' };

export type BaseUrlCheck =
  { ok: true; url: string; insecure: boolean } | { ok: false; refusal: BaseUrlRefusal };

/**
 * A base URL as stored on a profile: plain http(s), no user name or password (the key has its
 * own field), no query or fragment, no trailing slash. `insecure` is plain http to a host other
 * than this computer, which needs the user's explicit consent.
 */
export function checkBaseUrl(raw: string): BaseUrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, refusal: { reason: 'missing' } };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, refusal: { reason: 'invalid' } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, refusal: { reason: 'protocol', protocol: url.protocol.replace(':', '') } };
  if (url.username !== '' || url.password !== '')
    return { ok: false, refusal: { reason: 'credentials' } };
  if (url.search !== '' || url.hash !== '') return { ok: false, refusal: { reason: 'query' } };
  const path = url.pathname.replace(/\/+$/, '');
  return {
    ok: true,
    url: `${url.protocol}//${url.host}${path}`,
    insecure: url.protocol === 'http:' && !isLoopbackHost(url.hostname),
  };
}
