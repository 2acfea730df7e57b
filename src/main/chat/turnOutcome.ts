import type { ChatUsage, TurnFailureInfo } from '../../shared/types/chat';
import type { Message } from '../../shared/types/history';
import type { MessageOutcome } from '../history/messageRepository';
import type { TurnFailure } from './errors';
import { coded } from '../../shared/codes';
import { encodeCodedText, encodeFailureText } from '../../shared/failureText';
import type { ChatTarget } from './relayTypes';

export interface StreamResult {
  target: ChatTarget | null;
  usage: { promptTokens: number; completionTokens: number } | null;
  finishReason: string | null;
  sawDone: boolean;
  ttftMs: number | null;
  failure: TurnFailure | null;
}

export interface OutcomeInput {
  /** The message as it was when the stream started (holds the earlier part after a Continue). */
  base: Message;
  content: string;
  reasoning: string;
  result: StreamResult;
  estimated: { promptTokens: number; completionTokens: number } | null;
  stopReason: 'user' | 'dispose' | null;
  durationMs: number;
  /** Reasoning time of this stream; null when it sent no reasoning. */
  reasoningMs: number | null;
  computeCost?: (model: string, usage: ChatUsage) => number | null;
}

const DISPOSED = coded('answer_closed_while_streaming');
const NO_END = coded('answer_no_end');

function addNullable(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

/**
 * The final record of a stream. Status: stopped by the user → `stopped`; a failure or a stream
 * that ended without `done` → `interrupted` when there is text to continue from, else `error`;
 * otherwise `complete` (`finish_reason: length` included: the UI offers Continue). After a
 * Continue, tokens, cost, duration and reasoning time add up over both streams; time to first
 * token stays the first.
 */
export function combineOutcome(input: OutcomeInput): {
  record: MessageOutcome;
  failure: TurnFailureInfo | null;
} {
  const { base, result } = input;
  const hasText = input.content !== '' || input.reasoning !== '';
  let status: MessageOutcome['status'] = 'complete';
  let error: TurnFailureInfo | undefined;
  if (input.stopReason === 'user') status = 'stopped';
  else if (input.stopReason === 'dispose') {
    status = 'interrupted';
    error = { kind: 'interrupted', text: DISPOSED };
  } else if (result.failure) {
    status = hasText ? 'interrupted' : 'error';
    const { kind, text, hint, detail, retryAfterMs } = result.failure;
    error = { kind, text };
    if (hint !== undefined) error.hint = hint;
    if (detail !== undefined) error.detail = detail;
    if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
  } else if (!result.sawDone) {
    status = hasText ? 'interrupted' : 'error';
    error = { kind: 'interrupted', text: NO_END };
  }

  // With no text at all, nothing was "cut off" and nothing is "kept": name it for what it was.
  if (error && !hasText && error.kind === 'interrupted') error.kind = 'no_answer';

  const model = result.target?.model ?? base.model;
  const fresh = result.usage ?? input.estimated;
  const freshEstimated = !result.usage && input.estimated !== null;
  let freshCost: number | null = null;
  if (fresh && model && input.computeCost) {
    const usage = {
      ...fresh,
      totalTokens: fresh.promptTokens + fresh.completionTokens,
      estimated: freshEstimated,
    };
    freshCost = input.computeCost(model, usage);
  }
  const promptTokens = addNullable(base.promptTokens, fresh?.promptTokens ?? null);
  const completionTokens = addNullable(base.completionTokens, fresh?.completionTokens ?? null);
  const tokensEstimated = (base.tokensEstimated && base.promptTokens !== null) || freshEstimated;
  const cost = addNullable(base.cost, freshCost);
  const ttftMs = base.ttftMs ?? result.ttftMs;
  const durationMs = (base.durationMs ?? 0) + input.durationMs;
  const reasoningMs = addNullable(base.reasoningMs, input.reasoningMs);

  const record: MessageOutcome = {
    status,
    content: input.content,
    reasoning: input.reasoning,
    model,
    profileId: result.target?.profileId ?? base.profileId,
    promptTokens,
    completionTokens,
    tokensEstimated,
    cost,
    ttftMs,
    durationMs,
    reasoningMs,
    finishReason: result.finishReason,
    errorKind: error?.kind ?? null,
    errorMessage: error ? encodeFailureText(error) : null,
    errorHint: error?.hint ? encodeCodedText(error.hint) : null,
    retryAfterMs: error?.retryAfterMs ?? null,
  };
  return { record, failure: error ?? null };
}
