/**
 * Relay failure vocabulary shared by main (which raises it) and the renderer (which maps each
 * kind to a card). Keep the list stable: it is persisted with messages as their error kind.
 */
export const RELAY_ERROR_KINDS = [
  'auth',
  'model_not_found',
  'bad_request',
  'rate_limited',
  'server',
  'network',
  'timeout_connect',
  'timeout_idle',
  'interrupted',
  'protocol',
  'aborted',
] as const;

export type RelayErrorKind = (typeof RELAY_ERROR_KINDS)[number];

/** Plain, serialisable form of a relay failure: safe to send over IPC. Never contains the key. */
export interface RelayFailure {
  kind: RelayErrorKind;
  message: string;
  hint?: string;
  status?: number;
  retryAfterMs?: number;
}

export function isRelayErrorKind(value: unknown): value is RelayErrorKind {
  return typeof value === 'string' && (RELAY_ERROR_KINDS as readonly string[]).includes(value);
}
