import { FleeceError } from '../errors/FleeceError';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Parses a link from the renderer and returns the normalised URL to hand to the OS, or throws.
 * Only http(s) and mailto may leave the app: `file:`, `javascript:`, custom schemes and anything
 * unparsable are refused, because model output is untrusted.
 */
export function checkExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FleeceError('link_refused', { text: 'link_invalid' });
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    throw new FleeceError('link_refused', {
      text: 'link_protocol',
      params: { protocol: url.protocol },
    });
  }
  if (url.protocol !== 'mailto:' && url.hostname === '') {
    throw new FleeceError('link_refused', { text: 'link_no_host' });
  }
  if (url.username !== '' || url.password !== '') {
    throw new FleeceError('link_refused', { text: 'link_has_credentials' });
  }
  return url.href;
}
