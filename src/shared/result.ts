/** Codes raised by the IPC boundary itself; services add their own stable codes. */
export const BOUNDARY_ERROR_CODES = [
  'forbidden_sender',
  'unknown_route',
  'invalid_input',
  'internal',
] as const;
export type BoundaryErrorCode = (typeof BOUNDARY_ERROR_CODES)[number];

export interface AppError {
  /** Stable, machine-readable; the renderer maps it to translated text. */
  code: string;
  /** Plain language, safe to show. Never a stack trace. */
  message: string;
  hint?: string;
  /** Optional structured detail for the UI (e.g. retryAfterMs). Must be serialisable. */
  details?: Record<string, string | number | boolean | null>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: string, message: string, hint?: string): Result<never> {
  return { ok: false, error: hint === undefined ? { code, message } : { code, message, hint } };
}
