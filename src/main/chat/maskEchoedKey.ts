import { maskApiKey } from '../profiles/apiKey';

/** Shorter keys are not secrets worth hunting for, and would garble ordinary text. */
export const MIN_KEY_LENGTH = 8;

/**
 * The answer text with the profile's API key replaced by its masked form (`hsa-…3f9a`). A relay
 * that echoes the request back (or a prompt-injected model) must not get the key written into
 * the history, its search index and its exports.
 */
export function maskEchoedKey(text: string, apiKey: string | undefined): string {
  const key = apiKey?.trim() ?? '';
  if (key.length < MIN_KEY_LENGTH || !text.includes(key)) return text;
  return text.split(key).join(maskApiKey(key));
}
