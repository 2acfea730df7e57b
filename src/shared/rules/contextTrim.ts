import type { AttachmentRef } from '../attachment';
import type { MessageRole } from '../message';
import { findPrice, modelInfo } from './modelInfo';
import {
  estimateMessageTokens,
  estimateTextTokens,
  MESSAGE_OVERHEAD_TOKENS,
} from './tokenEstimate';

/** The window assumed for a model Fleece knows nothing about: small enough to be safe anywhere. */
export const UNKNOWN_CONTEXT_TOKENS = 8_192;
/** Bounds of a context length the user types in (Settings → Models & prices). */
export const CONTEXT_TOKENS_MIN = 1_024;
export const CONTEXT_TOKENS_MAX = 10_000_000;
/** Bounds of a conversation's limit on past turns sent. */
export const CONTEXT_TURNS_MAX = 1_000;

export interface ContextWindow {
  tokens: number;
  /** Where the figure comes from: the user's table, the known families, or the safe guess. */
  source: 'settings' | 'known' | 'unknown';
}

/** A model's context window: the user's figure first, then the known family's, else a safe guess. */
export function contextWindowOf(
  model: string | null,
  prices: readonly { model: string; contextTokens?: number | null | undefined }[],
): ContextWindow {
  if (model === null || model.trim() === '')
    return { tokens: UNKNOWN_CONTEXT_TOKENS, source: 'unknown' };
  const set = findPrice(
    prices.filter((p) => typeof p.contextTokens === 'number'),
    model,
  )?.contextTokens;
  if (typeof set === 'number') return { tokens: set, source: 'settings' };
  const known = modelInfo(model).contextTokens;
  if (known !== null) return { tokens: known, source: 'known' };
  return { tokens: UNKNOWN_CONTEXT_TOKENS, source: 'unknown' };
}

/**
 * Room kept free for the answer: a prompt that fills the whole window leaves the model no space
 * to reply. An eighth of the window, at most 4,096 tokens.
 */
export function answerReserve(windowTokens: number): number {
  return Math.min(4_096, Math.floor(windowTokens / 8));
}

export interface ContextMessage {
  id: string;
  role: MessageRole;
  tokens: number;
}

export interface ContextPlan {
  /** Index of the first message sent; 0 when nothing is left out. */
  start: number;
  /** Whole turns (a question and its answers) left out, oldest first. */
  droppedTurns: number;
  /** Why messages are left out: the conversation's turn limit, the window, or nothing. */
  reason: 'none' | 'turns' | 'window';
  /** Estimated tokens of what is sent: the system prompt and the kept messages. */
  promptTokens: number;
  /** Estimated tokens of the whole conversation, as if nothing were left out. */
  fullTokens: number;
  windowTokens: number;
  /** False when even the system prompt and the newest question leave no room for an answer. */
  fits: boolean;
}

/**
 * Which messages of a prompt to send so it fits the model's window. Messages go in whole turns
 * (a question with the answers that follow it), oldest first: first beyond the conversation's
 * limit on past turns, then while the prompt and the answer's reserve exceed the window. The
 * system prompt and the newest turn (the question being asked) are always sent.
 */
export function planContext(input: {
  systemTokens: number;
  messages: readonly ContextMessage[];
  windowTokens: number;
  /** Past turns sent at most (the newest question not counted); null: no limit. */
  maxTurns: number | null;
  reserveTokens?: number;
}): ContextPlan {
  const { messages, windowTokens } = input;
  const reserve = input.reserveTokens ?? answerReserve(windowTokens);
  const starts = turnStarts(messages);
  const suffix: number[] = new Array<number>(messages.length + 1).fill(0);
  for (let i = messages.length - 1; i >= 0; i--)
    suffix[i] = (suffix[i + 1] ?? 0) + (messages[i]?.tokens ?? 0);
  const tokensFrom = (index: number) => input.systemTokens + (suffix[index] ?? 0);
  const newest = starts.length - 1;
  let first = 0;
  let reason: ContextPlan['reason'] = 'none';
  if (input.maxTurns !== null && newest - input.maxTurns > 0) {
    first = newest - input.maxTurns;
    reason = 'turns';
  }
  while (first < newest && tokensFrom(starts[first] ?? 0) + reserve > windowTokens) {
    first++;
    reason = 'window';
  }
  const start = starts.length === 0 ? 0 : (starts[first] ?? 0);
  const promptTokens = tokensFrom(start);
  return {
    start,
    droppedTurns: first,
    reason,
    promptTokens,
    fullTokens: tokensFrom(0),
    windowTokens,
    fits: promptTokens + reserve <= windowTokens,
  };
}

/** Indexes where turns begin: each question, and the first message if it is not one. */
function turnStarts(messages: readonly ContextMessage[]): number[] {
  const starts: number[] = [];
  messages.forEach((m, i) => {
    if (i === 0 || m.role === 'user') starts.push(i);
  });
  return starts;
}

/** The estimate of the system prompt as sent (empty: not sent at all). */
export function systemPromptTokens(systemPrompt: string | null): number {
  return systemPrompt && systemPrompt.trim() !== ''
    ? MESSAGE_OVERHEAD_TOKENS + estimateTextTokens(systemPrompt)
    : 0;
}

/** Messages as the prompt sends them, with their estimates (empty ones are not sent). */
export function contextMessages(
  messages: readonly {
    id: string;
    role: MessageRole;
    content: string;
    attachments: readonly Pick<AttachmentRef, 'kind' | 'width' | 'height' | 'textChars'>[];
  }[],
): ContextMessage[] {
  return messages.map((m) => ({
    id: m.id,
    role: m.role,
    tokens: m.content === '' && m.attachments.length === 0 ? 0 : estimateMessageTokens(m),
  }));
}

/** A turn limit as typed: empty is no limit; otherwise a whole number from 0 to the maximum. */
export function parseContextTurns(text: string): { valid: boolean; value: number | null } {
  const t = text.trim();
  if (t === '') return { valid: true, value: null };
  if (!/^\d+$/.test(t)) return { valid: false, value: null };
  const value = Number(t);
  return value <= CONTEXT_TURNS_MAX ? { valid: true, value } : { valid: false, value: null };
}

/** A context length as typed in the price table: empty is "the known one". */
export function parseContextTokens(text: string): { valid: boolean; value: number | null } {
  const t = text.trim().replace(/[\s,_]/g, '');
  if (t === '') return { valid: true, value: null };
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(t);
  if (!match) return { valid: false, value: null };
  const unit = match[2]?.toLowerCase();
  const value = Math.round(
    Number(match[1]) * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1),
  );
  return value >= CONTEXT_TOKENS_MIN && value <= CONTEXT_TOKENS_MAX
    ? { valid: true, value }
    : { valid: false, value: null };
}
