import { isCode, type CodedText, type TextParams } from './codes';

/** What a failed answer says, as stored with it (`errorMessage`) and shown under its card. */
export interface FailureText {
  text: CodedText;
  hint?: CodedText;
  /** The relay's own words. */
  detail?: string;
}

/** The stored form: JSON, so a reload shows the same words in the current language. */
export function encodeFailureText(failure: FailureText): string {
  const stored: FailureText = { text: failure.text };
  if (failure.hint !== undefined) stored.hint = failure.hint;
  if (failure.detail !== undefined) stored.detail = failure.detail;
  return JSON.stringify(stored);
}

/**
 * Reads a stored `errorMessage`. Text that is not an encoded failure (written by an older version)
 * comes back as `detail` only: it is shown as is, like a relay's words.
 */
export function decodeFailureText(stored: string | null | undefined): Partial<FailureText> | null {
  if (stored === null || stored === undefined || stored === '') return null;
  if (stored.startsWith('{')) {
    try {
      const value = JSON.parse(stored) as Record<string, unknown>;
      const text = codedOf(value['text']);
      if (text) {
        const out: Partial<FailureText> = { text };
        const hint = codedOf(value['hint']);
        if (hint) out.hint = hint;
        if (typeof value['detail'] === 'string') out.detail = value['detail'];
        return out;
      }
    } catch {
      // Not ours: shown as is below.
    }
  }
  return { detail: stored };
}

function codedOf(value: unknown): CodedText | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (!isCode(code)) return undefined;
  if (typeof params !== 'object' || params === null) return { code };
  const clean: TextParams = {};
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'string' || typeof v === 'number') clean[k] = v;
  return { code, params: clean };
}

/** The stored form of a hint alone (the `errorHint` column), read back by `decodeCodedText`. */
export function encodeCodedText(text: CodedText): string {
  return JSON.stringify(text);
}

export function decodeCodedText(stored: string | null | undefined): CodedText | undefined {
  if (stored === null || stored === undefined || !stored.startsWith('{')) return undefined;
  try {
    return codedOf(JSON.parse(stored));
  } catch {
    return undefined;
  }
}
