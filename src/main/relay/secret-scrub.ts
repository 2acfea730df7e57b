import { FleeceError } from '../errors/FleeceError';
import type { TextParams } from '../../shared/codes';

/** What replaces the key, or the part of it a relay echoed back. */
export const KEY_PLACEHOLDER = '[API key]';

/**
 * Relays echo keys back in their errors ("Invalid token hsa-…", masked forms like "sk-abcd****wxyz"),
 * and our messages cut long relay text: so a run of 8+ characters matching the key's start or its
 * end is treated as the key too. Shorter fragments are too common in ordinary text to hunt for.
 */
const MIN_FRAGMENT = 8;
/** Keys this short are not secrets anyone could use; hunting for them would garble messages. */
const MIN_WHOLE_KEY = 4;

/** `text` with the key — and any 8+ character prefix or suffix of it — replaced by a placeholder. */
export function scrubSecret(text: string, apiKey: string | undefined): string {
  const key = apiKey?.trim() ?? '';
  if (key.length < MIN_WHOLE_KEY || text === '') return text;
  if (key.length < MIN_FRAGMENT) return text.split(key).join(KEY_PLACEHOLDER);
  const hidden = new Uint8Array(text.length);
  let found = false;
  const head = key.slice(0, MIN_FRAGMENT);
  for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, at + 1)) {
    let end = at + MIN_FRAGMENT;
    while (end < text.length && end - at < key.length && text[end] === key[end - at]) end++;
    hidden.fill(1, at, end);
    found = true;
  }
  const tail = key.slice(-MIN_FRAGMENT);
  for (let at = text.indexOf(tail); at !== -1; at = text.indexOf(tail, at + 1)) {
    let start = at;
    const end = at + MIN_FRAGMENT;
    // Walk back while the text keeps matching the key from its end.
    while (
      start > 0 &&
      end - start < key.length &&
      text[start - 1] === key[key.length - (end - start) - 1]
    )
      start--;
    hidden.fill(1, start, end);
    found = true;
  }
  if (!found) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (hidden[i] === 0) out += text[i];
    else if (i === 0 || hidden[i - 1] === 0) out += KEY_PLACEHOLDER;
  }
  return out;
}

/**
 * The same error with the key scrubbed from everything shown: the relay's words and the values put
 * into the sentence and the hint (a URL, a model name…). Returns `error` itself when there was
 * nothing to hide.
 */
export function scrubError(error: FleeceError, apiKey: string | undefined): FleeceError {
  const detail = error.detail === undefined ? undefined : scrubSecret(error.detail, apiKey);
  const params = scrubParams(error.text.params, apiKey);
  const hint =
    error.hint === undefined
      ? undefined
      : { ...error.hint, ...optional('params', scrubParams(error.hint.params, apiKey)) };
  const same =
    detail === error.detail &&
    JSON.stringify(params) === JSON.stringify(error.text.params) &&
    JSON.stringify(hint) === JSON.stringify(error.hint);
  if (same) return error;
  const options = error.options();
  delete options.detail;
  delete options.params;
  delete options.hint;
  return new FleeceError(error.code, {
    ...options,
    ...optional('detail', detail),
    ...optional('params', params),
    ...optional('hint', hint),
    // The original holds the key in its message: keep only what it was caused by.
    ...optional('cause', error.cause),
  });
}

function scrubParams(
  params: TextParams | undefined,
  apiKey: string | undefined,
): TextParams | undefined {
  if (params === undefined) return undefined;
  const out: TextParams = {};
  for (const [name, value] of Object.entries(params))
    out[name] = typeof value === 'string' ? scrubSecret(value, apiKey) : value;
  return out;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
