import { randomUUID } from 'node:crypto';
import { withMessageDefaults, type Message, type MessageStatus } from '../../shared/message';
import { stmt, type Db } from './db';
import { requireConversationRow, setTitle, touchConversation } from './conversationRepository';
import {
  INSERT_MESSAGE,
  insertBindings,
  messageColumns,
  toMessage,
  updateMessageSql,
  type MessageInsert,
  type MessageRow,
  type MessageUpdate,
} from './messageColumns';
import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { encodeFailureText } from '../../shared/failureText';
import { indexMessage, unindexMessage } from './searchIndex';
import { deriveTitle } from './titles';
import { linkAttachments } from './attachmentRepository';

export type { MessageInsert, MessageUpdate } from './messageColumns';

/** A message to append: its conversation and role; every other field may take its default. */
export type NewMessage = Pick<Message, 'conversationId' | 'role'> &
  Partial<Omit<Message, 'id' | 'conversationId' | 'role' | 'createdAt' | 'updatedAt'>>;

/** What a finished turn records: its final status and whatever else changed. */
export type MessageOutcome = MessageUpdate & { status: Exclude<MessageStatus, 'streaming'> };

/** Inserts a full row (also the import path). Returns its seq. */
export function insertMessageRow(
  db: Db,
  convPk: number,
  m: MessageInsert,
  indexed: boolean,
): number {
  const info = stmt(db, INSERT_MESSAGE).run(insertBindings(convPk, m));
  const seq = Number(info.lastInsertRowid);
  if (m.attachments && m.attachments.length > 0) linkAttachments(db, seq, m.attachments);
  if (indexed && m.status !== 'streaming') indexMessage(db, seq, m.content ?? '');
  return seq;
}

export function appendMessage(db: Db, input: NewMessage, now: number): Message {
  const conv = requireConversationRow(db, input.conversationId);
  const message: Message = withMessageDefaults({
    ...input,
    id: randomUUID(),
    conversationId: conv.id,
    // Never before the last message, so (created_at, seq) order is append order even if the clock steps back.
    createdAt: Math.max(now, lastCreatedAt(db, conv.pk)),
    updatedAt: now,
  });
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

type LocatedRow = MessageRow & {
  conversation_id: string;
  conversation_deleted_at: number | null;
};

export function messageRow(db: Db, id: string): LocatedRow | undefined {
  return stmt(
    db,
    `SELECT ${messageColumns('m')},
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
      `UPDATE messages SET content = @content, reasoning = @reasoning, updated_at = @updated_at
         WHERE id = @id AND status = 'streaming'`,
    ).run({ content, reasoning, updated_at: now, id }).changes === 1
  );
}

export function finishMessage(db: Db, id: string, o: MessageOutcome, now: number): Message {
  const row = requireMessageRow(db, id);
  const update = updateMessageSql(row.seq, { ...o, updatedAt: now });
  stmt(db, update.sql).run(update.bindings);
  const content = o.content ?? row.content;
  if (row.conversation_deleted_at === null) indexMessage(db, row.seq, content);
  touchConversation(db, row.conv_pk, now);
  // The row as written, without reading a long text back from the file.
  return toMessage({ ...row, ...update.bindings } as MessageRow, row.conversation_id);
}

/** Puts a finished answer back into `streaming` (Continue); it leaves the index until it finishes again. */
export function reopenMessage(db: Db, id: string, now: number): void {
  const row = requireMessageRow(db, id);
  const update = updateMessageSql(row.seq, { status: 'streaming', updatedAt: now });
  stmt(db, update.sql).run(update.bindings);
  unindexMessage(db, row.seq);
}

export function editMessageContent(db: Db, id: string, content: string, now: number): Message {
  const row = requireMessageRow(db, id);
  const update = updateMessageSql(row.seq, { content, updatedAt: now });
  stmt(db, update.sql).run(update.bindings);
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
      // A crash before any text: nothing was cut off (the card must not say so).
      `UPDATE messages SET status = 'interrupted',
         error_kind = coalesce(error_kind, CASE WHEN content = '' AND reasoning = ''
           THEN 'no_answer' ELSE 'interrupted' END),
         error_message = coalesce(error_message, ?), updated_at = ? WHERE seq = ?`,
    ).run(INTERRUPTED_BY_EXIT, now, row.seq);
    if (row.deleted_at === null) indexMessage(db, row.seq, row.content);
  }
  return rows.length;
}

/** Ids of the answers still being written in the trash (or in one conversation when `conversationId` is given). */
export function streamingMessageIds(db: Db, conversationId?: string): string[] {
  const where = conversationId === undefined ? 'c.deleted_at IS NOT NULL' : 'c.id = ?';
  return stmt(
    db,
    `SELECT m.id FROM messages m JOIN conversations c ON c.pk = m.conv_pk
     WHERE m.status = 'streaming' AND ${where}`,
  )
    .pluck()
    .all(...(conversationId === undefined ? [] : [conversationId])) as string[];
}
