/**
 * Relay client: OpenAI-compatible chat streaming, model list and connection probe. Plain Node:
 * the network comes in as an injected `fetch` (Electron passes `net.fetch`).
 */
export { streamChat } from './stream-chat';
export { listModels, listModelsCounted, MAX_MODEL_IDS, type ListedModels } from './models';
export { answerLimitOptions } from './answer-limits';
export { probe } from './probe';
export { FleeceError, type PartialText } from '../errors/FleeceError';
export { normaliseBaseUrl } from './base-url';
export type {
  ChatMessage,
  ChatParams,
  EndpointRequest,
  FetchLike,
  ProbeCheckName,
  ProbeFinding,
  ProbeOptions,
  ProbeRequest,
  ProbeResult,
  ProbeStatus,
  RelayEvent,
  RelayRequest,
  RequestOptions,
  StreamOptions,
} from './types';
export { RELAY_ERROR_KINDS, type RelayErrorKind, type RelayFailure } from '../../shared/relay';
