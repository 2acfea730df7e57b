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

export interface TurnFailure {
  kind: RelayErrorKind;
  message: string;
  hint?: string;
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
  const kind = isRelayErrorKind(e['kind']) ? e['kind'] : 'bad_request';
  const message =
    typeof e['message'] === 'string' && e['message'] !== '' ? e['message'] : String(error);
  const failure: TurnFailure = { kind, message };
  if (typeof e['hint'] === 'string') failure.hint = e['hint'];
  const partial = e['partial'] as { content?: unknown; reasoning?: unknown } | undefined;
  if (partial && typeof partial === 'object') {
    failure.partial = {
      content: typeof partial.content === 'string' ? partial.content : '',
      reasoning: typeof partial.reasoning === 'string' ? partial.reasoning : '',
    };
  }
  return failure;
}
