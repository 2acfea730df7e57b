import { isRelayErrorKind, type RelayErrorKind } from '../../shared/relay';

/** A request the chat service refuses; `code` is stable for the IPC layer. */
export class ChatError extends Error {
  constructor(
    readonly code: 'not_found' | 'bad_request',
    message: string,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

// A turn that could not even be sent for lack of a key or a model: the same card and fix as the
// relay's own refusal (open the key field, open the model picker).
const CONFIG_KINDS: Record<string, RelayErrorKind> = {
  key_missing: 'auth',
  no_profile: 'auth',
  model_missing: 'model_not_found',
};

export interface TurnFailure {
  kind: RelayErrorKind;
  message: string;
  hint?: string;
  /** From a 429: how long the relay asked to wait. */
  retryAfterMs?: number;
  /** Text the relay had received before it failed (RelayError.partial). */
  partial?: { content: string; reasoning: string };
  /** Not an error written for users (a bug, say): the message is generic; log the original. */
  unexpected?: true;
}

/** Shown for a failure nobody wrote a message for; its text could be anything (a path, a stack). */
export const UNEXPECTED_FAILURE =
  'Fleece could not complete this request. The details are in the log.';

/**
 * Reads a thrown error structurally. A relay error (a known `kind`) keeps its kind, message, hint
 * and partial text. A service error with a stable `code` and `toAppError` — a profile without a
 * model, a key the keychain refused — keeps its message, under the card its code maps to (else
 * `bad_request`, "the request could not be made"). Anything else is `unexpected`: its message is
 * not meant for users, so they get a generic one and the caller logs the original.
 */
export function toTurnFailure(error: unknown): TurnFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const code = e['code'];
  let kind: RelayErrorKind;
  if (isRelayErrorKind(e['kind'])) kind = e['kind'];
  else if (typeof code === 'string' && typeof e['toAppError'] === 'function')
    kind = (Object.hasOwn(CONFIG_KINDS, code) ? CONFIG_KINDS[code] : undefined) ?? 'bad_request';
  else return { kind: 'bad_request', message: UNEXPECTED_FAILURE, unexpected: true };
  const message =
    typeof e['message'] === 'string' && e['message'].trim() !== ''
      ? e['message']
      : UNEXPECTED_FAILURE;
  const failure: TurnFailure = { kind, message };
  if (typeof e['hint'] === 'string') failure.hint = e['hint'];
  if (typeof e['retryAfterMs'] === 'number') failure.retryAfterMs = e['retryAfterMs'];
  const partial = e['partial'] as { content?: unknown; reasoning?: unknown } | undefined;
  if (partial && typeof partial === 'object') {
    failure.partial = {
      content: typeof partial.content === 'string' ? partial.content : '',
      reasoning: typeof partial.reasoning === 'string' ? partial.reasoning : '',
    };
  }
  return failure;
}
