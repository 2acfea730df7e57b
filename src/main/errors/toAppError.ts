import type { AppError } from '../../shared/result';

/** Errors that are safe to show: they carry a stable code and a plain-language message. */
export interface ExposableError {
  toAppError(): AppError;
}

function isExposable(err: unknown): err is ExposableError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as Partial<ExposableError>).toAppError === 'function'
  );
}

// Service errors that carry a stable `code` (or a relay `kind`) and a message written for users.
const CODED_ERRORS = new Set(['HistoryError', 'ChatError']);

function fromCodedError(err: unknown): AppError | null {
  if (!(err instanceof Error)) return null;
  const e = err as Error & {
    code?: unknown;
    kind?: unknown;
    hint?: unknown;
    retryAfterMs?: unknown;
  };
  let code: string | null = null;
  if (err.name === 'RelayError' && typeof e.kind === 'string') code = e.kind;
  else if (CODED_ERRORS.has(err.name) && typeof e.code === 'string') code = e.code;
  if (code === null) return null;
  const out: AppError = { code, message: err.message };
  if (typeof e.hint === 'string') out.hint = e.hint;
  if (typeof e.retryAfterMs === 'number') out.details = { retryAfterMs: e.retryAfterMs };
  return out;
}

/** Anything else becomes `internal`, without a stack trace or the original message. */
export function toAppError(err: unknown): AppError {
  const coded = fromCodedError(err);
  if (coded) return coded;
  if (isExposable(err)) {
    const e = err.toAppError();
    const out: AppError = { code: e.code, message: e.message };
    if (e.hint !== undefined) out.hint = e.hint;
    if (e.details !== undefined) out.details = e.details;
    return out;
  }
  return {
    code: 'internal',
    message: 'Something went wrong inside Fleece. The details are in the log.',
  };
}
