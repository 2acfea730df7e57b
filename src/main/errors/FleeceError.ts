import { coded, type Code, type CodedText, type TextParams } from '../../shared/codes';
import { isRelayErrorKind, type RelayFailure } from '../../shared/relay';
import type { AppError } from '../../shared/result';

type Details = Record<string, string | number | boolean | null>;

export interface PartialText {
  content: string;
  reasoning: string;
}

export interface FleeceErrorOptions {
  /** Values for the sentence of `text` (or of `code` when there is no `text`). */
  params?: TextParams;
  /** The sentence, when it says more than the category `code` does. */
  text?: Code;
  hint?: CodedText;
  /** The relay's own words (its error body): shown quoted, never translated. */
  detail?: string;
  status?: number;
  retryAfterMs?: number;
  partial?: PartialText;
  /** Structured detail for the UI (the field to highlight…). */
  details?: Details;
  cause?: unknown;
}

/**
 * Every failure main reports on purpose: a stable category `code` (a relay failure kind, or what a
 * service refused), the sentence as a code with its params, an optional hint (what to do) and the
 * relay's own words. Nothing here is English for the user: the renderer translates the codes.
 * `message` is for the log only.
 */
export class FleeceError extends Error {
  override readonly name = 'FleeceError';
  readonly code: Code;
  readonly text: CodedText;
  readonly hint?: CodedText;
  readonly detail?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly details?: Details;
  /** Text received before the failure; set whenever the stream had started. */
  partial?: PartialText;

  constructor(code: Code, options: FleeceErrorOptions = {}) {
    const text = coded(options.text ?? code, options.params);
    super(logLine(code, text, options.detail), causeOf(options));
    this.code = code;
    this.text = text;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.details !== undefined) this.details = options.details;
    if (options.partial !== undefined) this.partial = options.partial;
  }

  /** Everything this error was built from, to build a changed copy. */
  options(): FleeceErrorOptions {
    const o: FleeceErrorOptions = { text: this.text.code };
    if (this.text.params !== undefined) o.params = this.text.params;
    if (this.hint !== undefined) o.hint = this.hint;
    if (this.detail !== undefined) o.detail = this.detail;
    if (this.status !== undefined) o.status = this.status;
    if (this.retryAfterMs !== undefined) o.retryAfterMs = this.retryAfterMs;
    if (this.details !== undefined) o.details = this.details;
    if (this.partial !== undefined) o.partial = this.partial;
    if (this.cause !== undefined) o.cause = this.cause;
    return o;
  }

  /** Same error with a hint, keeping everything else. */
  withHint(hint: CodedText | undefined): FleeceError {
    if (hint === undefined) return this;
    return new FleeceError(this.code, { ...this.options(), hint });
  }

  toAppError(): AppError {
    const error: AppError = { code: this.code, text: this.text };
    if (this.hint !== undefined) error.hint = this.hint;
    if (this.detail !== undefined) error.detail = this.detail;
    const details: Details = { ...this.details };
    if (this.retryAfterMs !== undefined) details['retryAfterMs'] = this.retryAfterMs;
    if (Object.keys(details).length > 0) error.details = details;
    return error;
  }

  /** The serialisable form of a relay failure; a non-relay code reads as `bad_request`. */
  toFailure(): RelayFailure {
    const kind = isRelayErrorKind(this.code) ? this.code : 'bad_request';
    const failure: RelayFailure = { kind, text: this.text };
    if (this.hint !== undefined) failure.hint = this.hint;
    if (this.detail !== undefined) failure.detail = this.detail;
    if (this.status !== undefined) failure.status = this.status;
    if (this.retryAfterMs !== undefined) failure.retryAfterMs = this.retryAfterMs;
    return failure;
  }
}

export function isFleeceError(value: unknown): value is FleeceError {
  return value instanceof FleeceError;
}

function causeOf(options: FleeceErrorOptions): ErrorOptions | undefined {
  return options.cause === undefined ? undefined : { cause: options.cause };
}

function logLine(code: Code, text: CodedText, detail: string | undefined): string {
  const params = text.params === undefined ? '' : ` ${JSON.stringify(text.params)}`;
  const said = detail === undefined ? '' : ` — ${detail}`;
  return `${code}${text.code === code ? '' : `/${text.code}`}${params}${said}`;
}

/** What crosses the IPC boundary for a thrown value: anything unplanned is `internal`, unexplained. */
export function toAppError(err: unknown): AppError {
  if (err instanceof FleeceError) return err.toAppError();
  return { code: 'internal', text: coded('internal') };
}
