import type { Conversation } from '../../shared/types/history';
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
  context_turns: number | null;
}

export const CONVERSATION_COLUMNS =
  'pk, id, title, title_is_custom, pinned, created_at, updated_at, deleted_at, model, profile_id, system_prompt, temperature, context_turns';

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
    contextTurns: row.context_turns,
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
