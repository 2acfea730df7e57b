import { randomUUID } from 'node:crypto';
import type { Message, MessageRole, MessageStatus } from '../../shared/types/history';
import { stmt, type Db } from './db';
import { requireConversationRow, setTitle, touchConversation } from './conversationRepository';
import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { encodeFailureText } from '../../shared/failureText';
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from './rows';
import { indexMessage, unindexMessage } from './searchIndex';
import { deriveTitle } from './titles';

export interface NewMessage {
  conversationId: string;
  role: MessageRole;
  content?: string;
  reasoning?: string;
  status?: MessageStatus;
  model?: string | null;
  profileId?: string | null;
}

/** What a finished turn records (DESIGN.md: status, usage, timings, error kind). */
export interface MessageOutcome {
  status: Exclude<MessageStatus, 'streaming'>;
  content: string;
  reasoning: string;
  model?: string | null;
  profileId?: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  tokensEstimated: boolean;
  cost: number | null;
  ttftMs: number | null;
  durationMs: number | null;
  /** First reasoning delta to first content delta (or the end); null without reasoning. Omitted: kept. */
  reasoningMs?: number | null;
  finishReason: string | null;
  errorKind: string | null;
  errorMessage: string | null;
}

/** The timing columns are INTEGER in a STRICT table: a fractional clock reading would be refused. */
function wholeMs(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms);
}

/** A full message to insert; `reasoningMs` may be left out (files and fixtures from before it). */
export type MessageInsert = Omit<Message, 'reasoningMs'> & { reasoningMs?: number | null };

/** Inserts a full row (also the import path). Returns its seq. */
export function insertMessageRow(
  db: Db,
  convPk: number,
  m: MessageInsert,
  indexed: boolean,
): number {
  const info = stmt(
    db,
    `INSERT INTO messages (id, conv_pk, role, content, reasoning, status, model, profile_id, prompt_tokens,
       completion_tokens, tokens_estimated, cost, ttft_ms, duration_ms, reasoning_ms, finish_reason, error_kind,
       error_message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.id,
    convPk,
    m.role,
    m.content,
    m.reasoning,
    m.status,
    m.model,
    m.profileId,
    m.promptTokens,
    m.completionTokens,
    m.tokensEstimated ? 1 : 0,
    m.cost,
    wholeMs(m.ttftMs),
    wholeMs(m.durationMs),
    wholeMs(m.reasoningMs ?? null),
    m.finishReason,
    m.errorKind,
    m.errorMessage,
    m.createdAt,
    m.updatedAt,
  );
  const seq = Number(info.lastInsertRowid);
  if (indexed && m.status !== 'streaming') indexMessage(db, seq, m.content);
  return seq;
}

export function appendMessage(db: Db, input: NewMessage, now: number): Message {
  const conv = requireConversationRow(db, input.conversationId);
  const message: Message = {
    id: randomUUID(),
    conversationId: conv.id,
    role: input.role,
    content: input.content ?? '',
    reasoning: input.reasoning ?? '',
    status: input.status ?? 'complete',
    model: input.model ?? null,
    profileId: input.profileId ?? null,
    promptTokens: null,
    completionTokens: null,
    tokensEstimated: false,
    cost: null,
    ttftMs: null,
    durationMs: null,
    reasoningMs: null,
    finishReason: null,
    errorKind: null,
    errorMessage: null,
    // Never before the last message, so (created_at, seq) order is append order even if the clock steps back.
    createdAt: Math.max(now, lastCreatedAt(db, conv.pk)),
    updatedAt: now,
  };
  insertMessageRow(db, conv.pk, message, conv.deleted_at === null);
  touchConversation(db, conv.pk, now);
  if (input.role === 'user' && conv.title_is_custom === 0 && conv.title === '') {
    setTitle(db, conv, deriveTitle(message.content), false, now);
  }
  return message;
}

function lastCreatedAt(db: Db, convPk: number): number {
  const row = stmt(db, 'SELECT max(created_at) AS t FROM messages WHERE conv_pk = ?').get(
    convPk,
  ) as {
    t: number | null;
  };
  return row.t ?? 0;
}

interface LocatedRow extends MessageRow {
  conversation_id: string;
  conversation_deleted_at: number | null;
}

export function messageRow(db: Db, id: string): LocatedRow | undefined {
  return stmt(
    db,
    `SELECT ${MESSAGE_COLUMNS.split(', ')
      .map((c) => `m.${c}`)
      .join(', ')},
       c.id AS conversation_id, c.deleted_at AS conversation_deleted_at
     FROM messages m JOIN conversations c ON c.pk = m.conv_pk WHERE m.id = ?`,
  ).get(id) as LocatedRow | undefined;
}

export function requireMessageRow(db: Db, id: string): LocatedRow {
  const row = messageRow(db, id);
  if (!row) throw new FleeceError('not_found', { text: 'message_gone' });
  return row;
}

export function getMessage(db: Db, id: string): Message | null {
  const row = messageRow(db, id);
  return row ? toMessage(row, row.conversation_id) : null;
}

/** One UPDATE of the growing text of a streaming message (not indexed until it finishes). */
export function checkpointMessage(
  db: Db,
  id: string,
  content: string,
  reasoning: string,
  now: number,
): boolean {
  return (
    stmt(
      db,
      "UPDATE messages SET content = ?, reasoning = ?, updated_at = ? WHERE id = ? AND status = 'streaming'",
    ).run(content, reasoning, now, id).changes === 1
  );
}

export function finishMessage(db: Db, id: string, o: MessageOutcome, now: number): Message {
  const row = requireMessageRow(db, id);
  stmt(
    db,
    `UPDATE messages SET status = ?, content = ?, reasoning = ?, model = ?, profile_id = ?, prompt_tokens = ?,
       completion_tokens = ?, tokens_estimated = ?, cost = ?, ttft_ms = ?, duration_ms = ?, reasoning_ms = ?,
       finish_reason = ?, error_kind = ?, error_message = ?, updated_at = ? WHERE seq = ?`,
  ).run(
    o.status,
    o.content,
    o.reasoning,
    o.model === undefined ? row.model : o.model,
    o.profileId === undefined ? row.profile_id : o.profileId,
    o.promptTokens,
    o.completionTokens,
    o.tokensEstimated ? 1 : 0,
    o.cost,
    wholeMs(o.ttftMs),
    wholeMs(o.durationMs),
    o.reasoningMs === undefined ? row.reasoning_ms : wholeMs(o.reasoningMs),
    o.finishReason,
    o.errorKind,
    o.errorMessage,
    now,
    row.seq,
  );
  if (row.conversation_deleted_at === null) indexMessage(db, row.seq, o.content);
  touchConversation(db, row.conv_pk, now);
  return toMessage(requireMessageRow(db, id), row.conversation_id);
}

/** Puts a finished answer back into `streaming` (Continue); it leaves the index until it finishes again. */
export function reopenMessage(db: Db, id: string, now: number): void {
  const row = requireMessageRow(db, id);
  stmt(db, "UPDATE messages SET status = 'streaming', updated_at = ? WHERE seq = ?").run(
    now,
    row.seq,
  );
  unindexMessage(db, row.seq);
}

export function editMessageContent(db: Db, id: string, content: string, now: number): Message {
  const row = requireMessageRow(db, id);
  stmt(db, 'UPDATE messages SET content = ?, updated_at = ? WHERE seq = ?').run(
    content,
    now,
    row.seq,
  );
  if (row.conversation_deleted_at === null && row.status !== 'streaming')
    indexMessage(db, row.seq, content);
  const conv = requireConversationRow(db, row.conversation_id);
  if (firstUserMessage(db, row.conv_pk)?.id === id && conv.title_is_custom === 0) {
    setTitle(db, conv, deriveTitle(content), false, now);
  }
  return toMessage(requireMessageRow(db, id), row.conversation_id);
}

export function firstUserMessage(
  db: Db,
  convPk: number,
): { id: string; content: string } | undefined {
  return stmt(
    db,
    "SELECT id, content FROM messages WHERE conv_pk = ? AND role = 'user' ORDER BY created_at, seq LIMIT 1",
  ).get(convPk) as { id: string; content: string } | undefined;
}

/** Deletes every message after `id` in its conversation (edit-and-resend, regenerate). */
export function deleteMessagesAfter(db: Db, id: string): number {
  const row = requireMessageRow(db, id);
  const later = stmt(
    db,
    'SELECT seq FROM messages WHERE conv_pk = ? AND (created_at, seq) > (?, ?)',
  ).all(row.conv_pk, row.created_at, row.seq) as { seq: number }[];
  for (const { seq } of later) {
    unindexMessage(db, seq);
    stmt(db, 'DELETE FROM messages WHERE seq = ?').run(seq);
  }
  return later.length;
}

export function deleteMessage(db: Db, id: string): void {
  const row = requireMessageRow(db, id);
  unindexMessage(db, row.seq);
  stmt(db, 'DELETE FROM messages WHERE seq = ?').run(row.seq);
}

const INTERRUPTED_BY_EXIT = encodeFailureText({ text: coded('answer_closed_before_finish') });

/** Start-up sweep: an answer left `streaming` by a crash becomes `interrupted` (and searchable). */
export function interruptStreaming(db: Db, now: number): number {
  const rows = stmt(
    db,
    `SELECT m.seq, m.content, c.deleted_at FROM messages m JOIN conversations c ON c.pk = m.conv_pk
     WHERE m.status = 'streaming'`,
  ).all() as { seq: number; content: string; deleted_at: number | null }[];
  for (const row of rows) {
    stmt(
      db,
      `UPDATE messages SET status = 'interrupted', error_kind = coalesce(error_kind, 'interrupted'),
         error_message = coalesce(error_message, ?), updated_at = ? WHERE seq = ?`,
    ).run(INTERRUPTED_BY_EXIT, now, row.seq);
    if (row.deleted_at === null) indexMessage(db, row.seq, row.content);
  }
  return rows.length;
}
