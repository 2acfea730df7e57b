import { FleeceError } from '../errors/FleeceError';
import { coded, type Code, type CodedText } from '../../shared/codes';
import { isRelayErrorKind, type RelayErrorKind } from '../../shared/relay';

// A turn that could not even be sent for lack of a key or a model: the same card and fix as the
// relay's own refusal (open the key field, open the model picker).
const CONFIG_KINDS: Partial<Record<Code, RelayErrorKind>> = {
  key_missing: 'auth',
  no_profile: 'auth',
  model_missing: 'model_not_found',
};

export interface TurnFailure {
  kind: RelayErrorKind;
  text: CodedText;
  hint?: CodedText;
  /** The relay's own words. */
  detail?: string;
  /** From a 429: how long the relay asked to wait. */
  retryAfterMs?: number;
  /** Text the relay had received before it failed (FleeceError.partial). */
  partial?: { content: string; reasoning: string };
  /** Not a failure reported on purpose (a bug, say): the text is generic; log the original. */
  unexpected?: true;
}

/** Shown for a failure nobody wrote a code for; its message could be anything (a path, a stack). */
export const UNEXPECTED_FAILURE: CodedText = coded('unexpected_failure');

/**
 * A relay failure keeps its kind, text, hint and partial text. A service refusal — a profile
 * without a model, a key the keychain refused — keeps its text, under the card its code maps to
 * (else `bad_request`, "the request could not be made"). Anything else is `unexpected`: users get
 * a generic text and the caller logs the original.
 */
export function toTurnFailure(error: unknown): TurnFailure {
  if (!(error instanceof FleeceError)) {
    return { kind: 'bad_request', text: UNEXPECTED_FAILURE, unexpected: true };
  }
  const kind = isRelayErrorKind(error.code)
    ? error.code
    : (CONFIG_KINDS[error.code] ?? 'bad_request');
  const failure: TurnFailure = { kind, text: error.text };
  if (error.hint !== undefined) failure.hint = error.hint;
  if (error.detail !== undefined) failure.detail = error.detail;
  if (error.retryAfterMs !== undefined) failure.retryAfterMs = error.retryAfterMs;
  if (error.partial !== undefined) failure.partial = { ...error.partial };
  return failure;
}
