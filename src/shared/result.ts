import { coded, type Code, type CodedText } from './codes';

/** Codes raised by the IPC boundary itself; services add their own stable codes (see codes.ts). */
export const BOUNDARY_ERROR_CODES = [
  'forbidden_sender',
  'unknown_route',
  'invalid_input',
  'internal',
] as const satisfies readonly Code[];
export type BoundaryErrorCode = (typeof BOUNDARY_ERROR_CODES)[number];

export interface AppError {
  /** Stable category; the renderer decides what to offer from it. */
  code: Code;
  /** The sentence to show, as a code the renderer translates. */
  text: CodedText;
  /** What to do about it. */
  hint?: CodedText;
  /** Words that are not ours (what a relay said), shown quoted and untranslated. */
  detail?: string;
  /** Optional structured detail for the UI (e.g. retryAfterMs). Must be serialisable. */
  details?: Record<string, string | number | boolean | null>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: Code, text: CodedText = coded(code)): Result<never> {
  return { ok: false, error: { code, text } };
}
