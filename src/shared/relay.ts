import type { Code, CodedText } from './codes';

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
  /** The request went out but no answer started in time (headers, or text before the idle timeout). */
  'timeout_first_byte',
  /** The stream ended (a cut, a crash, Fleece closing) before any text arrived. */
  'no_answer',
  // Limits Fleece sets on a relay's answer (size, duration) and on where a request may go.
  'too_large',
  'too_long',
  'redirect_refused',
  /** The proxy set in Settings → Network refused, asked for other credentials, or could not tunnel. */
  'proxy',
] as const;

export type RelayErrorKind = (typeof RELAY_ERROR_KINDS)[number];

// Every kind is also a code the renderer has words for.
const KINDS_ARE_CODES: readonly Code[] = RELAY_ERROR_KINDS;
void KINDS_ARE_CODES;

/** Plain, serialisable form of a relay failure: safe to send over IPC. Never contains the key. */
export interface RelayFailure {
  kind: RelayErrorKind;
  text: CodedText;
  hint?: CodedText;
  /** The relay's own words, shown quoted. */
  detail?: string;
  status?: number;
  retryAfterMs?: number;
}

export type ProbeCheckName = 'reachable' | 'key' | 'models' | 'first_token' | 'burst';
export type ProbeStatus = 'ok' | 'warn' | 'fail' | 'skipped';

export interface ProbeFinding {
  check: ProbeCheckName;
  status: ProbeStatus;
  /** What was found, translated by "Test connection". */
  text: CodedText;
  hint?: CodedText;
  detail?: string;
}

/** Serialisable; `null` means the check could not be made. */
export interface ProbeResult {
  baseUrl: string;
  reachable: boolean;
  keyAccepted: boolean | null;
  modelCount: number | null;
  /** Round trip of `GET /models`, request sent to body fully read. */
  modelsRttMs: number | null;
  /** Request sent to first content (or reasoning) token. */
  ttftMs: number | null;
  /** True when a buffering proxy sits in between (the answer came all at once, or in blocks). */
  burst: boolean | null;
  /** How the probe answer travelled: as written, in a few blocks (`partly`), or all at the end. */
  buffering: 'streams' | 'partly' | 'buffered' | null;
  findings: ProbeFinding[];
  failure?: RelayFailure;
}

export function isRelayErrorKind(value: unknown): value is RelayErrorKind {
  return typeof value === 'string' && (RELAY_ERROR_KINDS as readonly string[]).includes(value);
}

/** Which field a save-time finding belongs to, and what kind of trouble it is. */
export type SaveCheckField = 'baseUrl' | 'apiKey';
export type SaveCheckKind =
  | 'auth'
  | 'missing_v1'
  | 'unreachable'
  | 'not_api'
  | 'key_format'
  /** A proxy between the app and the relay holds the stream back (answers come in blocks). */
  | 'buffering';

export interface SaveCheckProblem {
  field: SaveCheckField;
  kind: SaveCheckKind;
  text: CodedText;
  hint?: CodedText;
  detail?: string;
  /** For `missing_v1`: the base URL that answered as an API (one click applies it). */
  fixBaseUrl?: string;
}

/** What "check on save" found before a base URL or key is kept. */
export interface SaveCheckResult {
  /** The base URL as checked (normalised). */
  baseUrl: string;
  modelCount: number | null;
  problems: SaveCheckProblem[];
}
