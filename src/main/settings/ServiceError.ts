import type { AppError } from '../../shared/result';

type Details = Record<string, string | number | boolean | null>;

/**
 * A failure a service reports on purpose: a stable `code` the UI maps to translated text, a
 * plain-language `message` safe to show, an optional `hint` (what to do about it). Route
 * handlers turn it into `{ ok: false, error }` with `toAppError()`. Messages never contain keys.
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  readonly code: string;
  readonly hint?: string;
  readonly details?: Details;

  constructor(
    code: string,
    message: string,
    options: { hint?: string; details?: Details; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.details !== undefined) this.details = options.details;
  }

  toAppError(): AppError {
    const error: AppError = { code: this.code, message: this.message };
    if (this.hint !== undefined) error.hint = this.hint;
    if (this.details !== undefined) error.details = this.details;
    return error;
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}
