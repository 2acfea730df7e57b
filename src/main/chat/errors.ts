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
}

/**
 * Reads a thrown relay error structurally (kind, message, hint, partial). Anything else — a
 * profile without a model, a key the keychain refused — becomes `bad_request` with its message,
 * the kind the UI shows as "the request could not be made".
 */
export function toTurnFailure(error: unknown): TurnFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const kind = isRelayErrorKind(e['kind'])
    ? e['kind']
    : typeof e['code'] === 'string' && e['code'] in CONFIG_KINDS
      ? (CONFIG_KINDS[e['code']] ?? 'bad_request')
      : 'bad_request';
  const message =
    typeof e['message'] === 'string' && e['message'] !== '' ? e['message'] : String(error);
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
