import type { RelayErrorKind, RelayFailure } from '../../shared/relay';

export interface PartialText {
  content: string;
  reasoning: string;
}

export interface RelayErrorDetails {
  status?: number;
  hint?: string;
  retryAfterMs?: number;
  partial?: PartialText;
  cause?: unknown;
}

/** Every failure of the relay client. `message` and `hint` are plain language, safe to show. */
export class RelayError extends Error {
  override readonly name = 'RelayError';
  readonly kind: RelayErrorKind;
  readonly status?: number;
  readonly hint?: string;
  readonly retryAfterMs?: number;
  /** Text received before the failure; set whenever the stream had started. */
  partial?: PartialText;

  constructor(kind: RelayErrorKind, message: string, details: RelayErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.hint !== undefined) this.hint = details.hint;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.partial !== undefined) this.partial = details.partial;
  }

  /** Same error with a hint, keeping everything else. */
  withHint(hint: string | undefined): RelayError {
    if (hint === undefined) return this;
    return new RelayError(this.kind, this.message, { ...this.details(), hint });
  }

  toFailure(): RelayFailure {
    const failure: RelayFailure = { kind: this.kind, message: this.message };
    if (this.hint !== undefined) failure.hint = this.hint;
    if (this.status !== undefined) failure.status = this.status;
    if (this.retryAfterMs !== undefined) failure.retryAfterMs = this.retryAfterMs;
    return failure;
  }

  private details(): RelayErrorDetails {
    const d: RelayErrorDetails = { cause: this.cause };
    if (this.status !== undefined) d.status = this.status;
    if (this.hint !== undefined) d.hint = this.hint;
    if (this.retryAfterMs !== undefined) d.retryAfterMs = this.retryAfterMs;
    if (this.partial !== undefined) d.partial = this.partial;
    return d;
  }
}

export function abortedError(): RelayError {
  return new RelayError('aborted', 'Stopped.');
}
