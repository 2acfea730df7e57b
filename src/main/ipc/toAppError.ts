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

/** Anything else becomes `internal`, without a stack trace or the original message. */
export function toAppError(err: unknown): AppError {
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

/** A service error with a stable code, thrown by services and shown to the user as is. */
export class ServiceError extends Error implements ExposableError {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly details?: AppError['details'],
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toAppError(): AppError {
    const e: AppError = { code: this.code, message: this.message };
    if (this.hint !== undefined) e.hint = this.hint;
    if (this.details !== undefined) e.details = this.details;
    return e;
  }
}
