import { keepSafeMailtoFields } from '../mailtoLink';
/**
 * Which links may leave the app for the system browser. Model output is untrusted: only web
 * (http, https) and mail links open; `file:`, `javascript:`, custom schemes, links without a
 * host and links carrying a user name or password do not.
 */
const OPENABLE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export type LinkRefusal =
  | { reason: 'invalid' }
  | { reason: 'protocol'; protocol: string }
  | { reason: 'no_host' }
  | { reason: 'credentials' };

export type LinkCheck = { ok: true; href: string } | { ok: false; refusal: LinkRefusal };

export function checkLink(raw: string | undefined): LinkCheck {
  let url: URL;
  try {
    url = new URL((raw ?? '').trim());
  } catch {
    return { ok: false, refusal: { reason: 'invalid' } };
  }
  if (!OPENABLE_PROTOCOLS.has(url.protocol))
    return { ok: false, refusal: { reason: 'protocol', protocol: url.protocol } };
  if (url.protocol !== 'mailto:' && url.hostname === '')
    return { ok: false, refusal: { reason: 'no_host' } };
  if (url.username !== '' || url.password !== '')
    return { ok: false, refusal: { reason: 'credentials' } };
  // A mailto link keeps only its recipients, subject and body (no cc, bcc or attachments).
  return { ok: true, href: url.protocol === 'mailto:' ? keepSafeMailtoFields(url) : url.href };
}

/** The normalised URL if it may open in the system browser, else null. */
export function openableUrl(raw: string | undefined): string | null {
  const check = checkLink(raw);
  return check.ok ? check.href : null;
}
