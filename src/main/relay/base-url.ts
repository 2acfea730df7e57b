import { isHolySheepHost, isLoopbackHost } from '../../shared/rules/hosts';
import { HOLYSHEEP } from '../../shared/rules/presets';
import { RelayError } from './relay-error';

const EXAMPLE = HOLYSHEEP.baseUrl;

/**
 * Canonical form of a user-typed base URL: scheme added if missing, no trailing slash, and a
 * pasted endpoint (`…/chat/completions`, `…/models`) cut back to its base.
 */
export function normaliseBaseUrl(raw: string): string {
  let text = raw.trim();
  if (text === '') {
    throw new RelayError('bad_request', 'No relay address is set.', {
      hint: `Enter the relay's base URL, for example ${EXAMPLE}.`,
    });
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    text = `${isLoopbackHost(text.split(/[/:]/)[0] ?? '') ? 'http' : 'https'}://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RelayError('bad_request', `"${raw.trim().slice(0, 80)}" is not a valid address.`, {
      hint: `The base URL looks like ${EXAMPLE}.`,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RelayError('bad_request', `The relay address must start with https:// or http://.`, {
      hint: `The base URL looks like ${EXAMPLE}.`,
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

/** Hint for a 404 or a web page where the API was expected. */
export function missingVersionHint(baseUrl: string): string | undefined {
  if (hasVersionSegment(baseUrl)) return undefined;
  return `The base URL usually ends in /v1 — try ${baseUrl}/v1.`;
}

export function isHolySheep(baseUrl: string): boolean {
  return isHolySheepHost(new URL(baseUrl).hostname);
}

export function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}
