import type { Conversation, Message, MessageRole, MessageStatus } from '../../shared/types/history';
import { FleeceError } from '../errors/FleeceError';

export interface ConversationRow {
  pk: number;
  id: string;
  title: string;
  title_is_custom: number;
  pinned: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  model: string | null;
  profile_id: string | null;
  system_prompt: string | null;
  temperature: number | null;
}

export const CONVERSATION_COLUMNS =
  'pk, id, title, title_is_custom, pinned, created_at, updated_at, deleted_at, model, profile_id, system_prompt, temperature';

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    title: row.title,
    titleIsCustom: row.title_is_custom === 1,
    pinned: row.pinned === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    model: row.model,
    profileId: row.profile_id,
    systemPrompt: row.system_prompt,
    temperature: row.temperature,
  };
}

export interface MessageRow {
  seq: number;
  id: string;
  conv_pk: number;
  role: MessageRole;
  content: string;
  reasoning: string;
  status: MessageStatus;
  model: string | null;
  profile_id: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  tokens_estimated: number;
  cost: number | null;
  ttft_ms: number | null;
  duration_ms: number | null;
  reasoning_ms: number | null;
  finish_reason: string | null;
  error_kind: string | null;
  error_message: string | null;
  created_at: number;
  updated_at: number;
}

export const MESSAGE_COLUMNS =
  'seq, id, conv_pk, role, content, reasoning, status, model, profile_id, prompt_tokens, completion_tokens, ' +
  'tokens_estimated, cost, ttft_ms, duration_ms, reasoning_ms, finish_reason, error_kind, error_message, ' +
  'created_at, updated_at';

export function toMessage(row: MessageRow, conversationId: string): Message {
  return {
    id: row.id,
    conversationId,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    status: row.status,
    model: row.model,
    profileId: row.profile_id,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    tokensEstimated: row.tokens_estimated === 1,
    cost: row.cost,
    ttftMs: row.ttft_ms,
    durationMs: row.duration_ms,
    reasoningMs: row.reasoning_ms,
    finishReason: row.finish_reason,
    errorKind: row.error_kind,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Opaque cursors are plain strings of integers; anything else is rejected, never interpolated. */
export function encodeCursor(parts: number[]): string {
  return parts.join(':');
}

export function decodeCursor(cursor: string, length: number): number[] {
  const parts = cursor.split(':').map(Number);
  if (parts.length !== length || parts.some((n) => !Number.isSafeInteger(n))) {
    throw new FleeceError('bad_cursor');
  }
  return parts;
}
