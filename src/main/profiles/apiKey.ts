import type { KeyWarning, Profile } from '../../shared/types/profiles';
import { FleeceError } from '../errors/FleeceError';
import { coded, type Code, type TextParams } from '../../shared/codes';
import { isHolySheepHost } from '../../shared/rules/hosts';

const MAX_KEY_LENGTH = 4096;

function refuse(code: Code, params?: TextParams, hint?: Code): FleeceError {
  return new FleeceError(code, {
    ...(params === undefined ? {} : { params }),
    ...(hint === undefined ? {} : { hint: coded(hint) }),
    details: { field: 'apiKey' },
  });
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
  if (key === '') throw refuse('key_empty');
  if (key.length > MAX_KEY_LENGTH) throw refuse('key_too_long', { max: MAX_KEY_LENGTH });
  const chars = Array.from(key);
  for (const [index, ch] of chars.entries()) {
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') {
      throw refuse('key_line_break', { position: index + 1 }, 'hint_key_single_line');
    }
    if (/\s/.test(ch)) {
      throw refuse('key_whitespace', { position: index + 1 }, 'hint_key_no_spaces');
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x21 || code > 0x7e) {
      throw refuse(
        'key_invalid_character',
        { char: describeChar(ch), position: index + 1 },
        'hint_key_invisible',
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
  return { code: 'key_looks_like_openai' };
}
