import { isHolySheepHost, isLoopbackHost } from '../../shared/rules/hosts';
import { HOLYSHEEP } from '../../shared/rules/presets';
import { FleeceError } from '../errors/FleeceError';
import { coded, type CodedText } from '../../shared/codes';

const EXAMPLE = HOLYSHEEP.baseUrl;

/**
 * Canonical form of a user-typed base URL: scheme added if missing, no trailing slash, and a
 * pasted endpoint (`…/chat/completions`, `…/models`) cut back to its base.
 */
export function normaliseBaseUrl(raw: string): string {
  let text = raw.trim();
  if (text === '') {
    throw new FleeceError('bad_request', {
      text: 'relay_address_missing',
      hint: coded('hint_enter_base_url', { example: EXAMPLE }),
    });
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    text = `${isLoopbackHost(text.split(/[/:]/)[0] ?? '') ? 'http' : 'https'}://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FleeceError('bad_request', {
      text: 'relay_address_invalid',
      params: { address: raw.trim().slice(0, 80) },
      hint: coded('hint_base_url_example', { example: EXAMPLE }),
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FleeceError('bad_request', {
      text: 'relay_address_scheme',
      hint: coded('hint_base_url_example', { example: EXAMPLE }),
    });
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(chat\/completions|models)$/, '');
  return `${url.origin}${path}`;
}

export function endpointUrl(baseUrl: string, path: 'chat/completions' | 'models'): string {
  return `${baseUrl}/${path}`;
}

/** OpenAI-compatible servers put the API under a version segment (`/v1`, `/api/v3`, `/v1beta`). */
export function hasVersionSegment(baseUrl: string): boolean {
  return /\/v\d+[a-z0-9]*(\/|$)/i.test(new URL(baseUrl).pathname);
}

/** Hint for a 404 or a web page where the API was expected: the URL lacks its `/v1`. */
export function missingVersionHint(baseUrl: string): CodedText | undefined {
  if (hasVersionSegment(baseUrl)) return undefined;
  return coded('hint_add_v1', { url: `${baseUrl}/v1` });
}

export function isHolySheep(baseUrl: string): boolean {
  return isHolySheepHost(new URL(baseUrl).hostname);
}

export function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}
