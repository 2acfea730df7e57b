import type { KeyWarning, Profile } from '../../shared/types/profiles';
import { ServiceError } from '../settings/ServiceError';
import { isHolySheepHost } from '../../shared/rules/hosts';

const MAX_KEY_LENGTH = 4096;

function refuse(code: string, message: string, hint?: string): ServiceError {
  return new ServiceError(
    code,
    message,
    hint === undefined ? { details: { field: 'apiKey' } } : { hint, details: { field: 'apiKey' } },
  );
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Trims surrounding whitespace and refuses what cannot be a key. Keys are printable ASCII
 * (HTTP header values cannot carry more); pasted keys often bring a line break, a space or a
 * zero-width character along. Messages name the character and position, never the key.
 */
export function normalizeApiKey(raw: string): string {
  const key = raw.trim();
  if (key === '') throw refuse('key_empty', 'The API key is empty.');
  if (key.length > MAX_KEY_LENGTH)
    throw refuse('key_too_long', `The API key is longer than ${MAX_KEY_LENGTH} characters.`);
  const chars = Array.from(key);
  for (const [index, ch] of chars.entries()) {
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') {
      throw refuse(
        'key_line_break',
        `The API key contains a line break (at character ${index + 1}).`,
        'Copy the key again as a single line.',
      );
    }
    if (/\s/.test(ch)) {
      throw refuse(
        'key_whitespace',
        `The API key contains a space (at character ${index + 1}).`,
        'Copy the key again; a key has no spaces.',
      );
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x21 || code > 0x7e) {
      throw refuse(
        'key_invalid_character',
        `The API key contains a character that cannot be part of a key (${describeChar(ch)} at character ${index + 1}).`,
        'Invisible characters often come along when copying from a web page or chat; copy the key again or type it.',
      );
    }
  }
  return key;
}

/** Prefix and last four only (`hsa-…3f9a`); short keys show nothing but the ellipsis. */
export function maskApiKey(key: string): string {
  if (key.length < 12) return '…';
  const dash = key.indexOf('-');
  const prefix = dash >= 1 && dash <= 5 ? key.slice(0, dash + 1) : key.slice(0, 3);
  return `${prefix}…${key.slice(-4)}`;
}

export function isHolySheepProfile(profile: Pick<Profile, 'preset' | 'baseUrl'>): boolean {
  if (profile.preset === 'holysheep') return true;
  try {
    return isHolySheepHost(new URL(profile.baseUrl).hostname);
  } catch {
    return false;
  }
}

/** An OpenAI key on the relay is the tutorial's first failure (401): warn, but let the user decide. */
export function keyWarningFor(
  profile: Pick<Profile, 'preset' | 'baseUrl'>,
  key: string,
): KeyWarning | undefined {
  if (!key.startsWith('sk-') || !isHolySheepProfile(profile)) return undefined;
  return {
    code: 'key_looks_like_openai',
    message:
      'This looks like an OpenAI key (sk-…). HolySheep uses its own keys, which start with hsa-; an OpenAI key will be refused with "Invalid API key". Get a HolySheep key from your HolySheep account.',
  };
}
