import { keepSafeMailtoFields } from '../../shared/mailtoLink';
import { ServiceError } from '../settings/ServiceError';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Parses a link from the renderer and returns the normalised URL to hand to the OS, or throws.
 * Only http(s) and mailto may leave the app: `file:`, `javascript:`, custom schemes and anything
 * unparsable are refused, because model output is untrusted. A mailto link keeps only its
 * recipients, subject and body.
 */
export function checkExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ServiceError('link_refused', 'This link is not a valid address.');
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    throw new ServiceError(
      'link_refused',
      `Links of type "${url.protocol}" are not opened. Only web (http, https) and mail links are.`,
    );
  }
  if (url.protocol !== 'mailto:' && url.hostname === '') {
    throw new ServiceError('link_refused', 'This link has no host.');
  }
  if (url.username !== '' || url.password !== '') {
    throw new ServiceError(
      'link_refused',
      'Links that carry a user name or password are not opened.',
    );
  }
  return url.protocol === 'mailto:' ? keepSafeMailtoFields(url) : url.href;
}
