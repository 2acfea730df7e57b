import { randomUUID } from 'node:crypto';
import { withMessageDefaults, type Message, type MessageStatus } from '../../shared/message';
import { stmt, type Db } from './db';
import { requireConversationRow, setTitle, touchConversation } from './conversationRepository';
import {
  INSERT_MESSAGE,
  insertBindings,
  messageColumns,
  messageMetaColumns,
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
import { activeLeafId, chooseIfVersion, chooseMessage } from './versionRepository';

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

/**
 * Adds a message after `parentId` (by default, after the last message on screen). Beside other
 * messages with the same parent it is a new version of them, and the one on screen.
 */
export function appendMessage(db: Db, input: NewMessage, now: number): Message {
  const conv = requireConversationRow(db, input.conversationId);
  const parentId = input.parentId !== undefined ? input.parentId : activeLeafId(db, conv.pk);
  const message: Message = withMessageDefaults({
    ...input,
    parentId,
    id: randomUUID(),
    conversationId: conv.id,
    // Never before the last message, so (created_at, seq) order is append order even if the clock steps back.
    createdAt: Math.max(now, lastCreatedAt(db, conv.pk)),
    updatedAt: now,
  });
  insertMessageRow(db, conv.pk, message, conv.deleted_at === null);
  message.versionRank = chooseIfVersion(db, conv.pk, message.id, parentId);
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

/** The row without its texts (read as ''): finishing or deleting a long message never reads it back. */
export function messageMeta(db: Db, id: string): LocatedRow | undefined {
  return stmt(
    db,
    `SELECT ${messageMetaColumns('m')},
       c.id AS conversation_id, c.deleted_at AS conversation_deleted_at
     FROM messages m JOIN conversations c ON c.pk = m.conv_pk WHERE m.id = ?`,
  ).get(id) as LocatedRow | undefined;
}

export function requireMessageMeta(db: Db, id: string): LocatedRow {
  const row = messageMeta(db, id);
  if (!row) throw new FleeceError('not_found', { text: 'message_gone' });
  return row;
}

export function requireMessageRow(db: Db, id: string): LocatedRow {
  const row = messageRow(db, id);
  if (!row) throw new FleeceError('not_found', { text: 'message_gone' });
  return row;
}

/** A live message (a deleted one, even still undoable, is gone). */
export function getMessage(db: Db, id: string): Message | null {
  const row = messageRow(db, id);
  return row && row.deleted_at === null ? toMessage(row, row.conversation_id) : null;
}

/** One UPDATE of the whole growing text of a streaming message (not indexed until it finishes). */
export function checkpointMessage(
  db: Db,
  id: string,
  content: string,
  reasoning: string,
  now: number,
): boolean {
  const seq = streamingSeq(db, id);
  if (seq === undefined) return false;
  stmt(db, 'DELETE FROM message_parts WHERE seq = ?').run(seq);
  stmt(
    db,
    'UPDATE messages SET content = @content, reasoning = @reasoning, updated_at = @updated_at WHERE seq = @seq',
  ).run({ content, reasoning, updated_at: now, seq });
  return true;
}

function streamingSeq(db: Db, id: string): number | undefined {
  return stmt(db, "SELECT seq FROM messages WHERE id = ? AND status = 'streaming'")
    .pluck()
    .get(id) as number | undefined;
}

/**
 * Appends text to a streaming message as one new part (migration 011): the cost is that of the
 * new text, however long the message already is. False when it is no longer streaming.
 */
export function appendToMessage(db: Db, id: string, content: string, reasoning: string): boolean {
  const seq = streamingSeq(db, id);
  if (seq === undefined) return false;
  stmt(
    db,
    `INSERT INTO message_parts (seq, n, content, reasoning)
     VALUES (@seq, (SELECT coalesce(max(n), -1) + 1 FROM message_parts WHERE seq = @seq), @content, @reasoning)`,
  ).run({ seq, content, reasoning });
  return true;
}

/** Moves the parts of streaming message `seq` into its row (a crash left them there). */
function foldParts(db: Db, seq: number): void {
  const parts = stmt(
    db,
    `SELECT group_concat(content, '' ORDER BY n) AS content,
       group_concat(reasoning, '' ORDER BY n) AS reasoning FROM message_parts WHERE seq = ?`,
  ).get(seq) as { content: string | null; reasoning: string | null };
  if (parts.content === null) return;
  stmt(
    db,
    'UPDATE messages SET content = content || ?, reasoning = reasoning || ? WHERE seq = ?',
  ).run(parts.content, parts.reasoning ?? '', seq);
  stmt(db, 'DELETE FROM message_parts WHERE seq = ?').run(seq);
}

/** The texts of message `seq` as stored, its parts included (when a finish does not give them). */
function storedTexts(db: Db, seq: number): { content: string; reasoning: string } {
  const row = stmt(db, `SELECT ${messageColumns('m')} FROM messages m WHERE m.seq = ?`).get(
    seq,
  ) as MessageRow;
  return { content: row.content, reasoning: row.reasoning };
}

/** The message as `finishMessage` writes it, built from its row without the texts and the outcome. */
export function finishedMessage(row: LocatedRow, o: MessageOutcome, now: number): Message {
  const update = updateMessageSql(row.seq, { ...o, updatedAt: now });
  return toMessage({ ...row, ...update.bindings } as MessageRow, row.conversation_id);
}

export function finishMessage(db: Db, id: string, o: MessageOutcome, now: number): Message {
  const row = requireMessageMeta(db, id);
  const outcome =
    o.content === undefined || o.reasoning === undefined
      ? { ...storedTexts(db, row.seq), ...o }
      : o;
  const update = updateMessageSql(row.seq, { ...outcome, updatedAt: now });
  stmt(db, update.sql).run(update.bindings);
  stmt(db, 'DELETE FROM message_parts WHERE seq = ?').run(row.seq);
  if (row.conversation_deleted_at === null) indexMessage(db, row.seq, outcome.content ?? '');
  touchConversation(db, row.conv_pk, now);
  // The row as written, without reading a long text back from the file.
  return finishedMessage(row, outcome, now);
}

/** Puts a finished answer back into `streaming` (Continue); it leaves the index until it finishes again. */
export function reopenMessage(db: Db, id: string, now: number): void {
  const row = requireMessageMeta(db, id);
  const update = updateMessageSql(row.seq, { status: 'streaming', updatedAt: now });
  stmt(db, update.sql).run(update.bindings);
  unindexMessage(db, row.seq);
}

/** Changes a message's text in place (a typo fixed), marking it edited. */
export function editMessageContent(db: Db, id: string, content: string, now: number): Message {
  const row = requireMessageRow(db, id);
  if (row.deleted_at !== null) throw new FleeceError('not_found', { text: 'message_gone' });
  const update = updateMessageSql(row.seq, { content, updatedAt: now, editedAt: now });
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
    `SELECT id, content FROM messages WHERE conv_pk = ? AND role = 'user' AND deleted_at IS NULL
     ORDER BY created_at, seq LIMIT 1`,
  ).get(convPk) as { id: string; content: string } | undefined;
}

/**
 * Deletes a message, keeping it for an undo until the next start: it leaves the screen, the
 * prompt, the export and the search index, and what followed it now follows its parent.
 */
export function deleteMessage(db: Db, id: string, now: number): void {
  const row = requireMessageRow(db, id);
  if (row.deleted_at !== null) return;
  stmt(db, 'UPDATE messages SET deleted_at = ? WHERE seq = ?').run(now, row.seq);
  unindexMessage(db, row.seq);
}

/** Undoes a delete: the message is back where it was, and searchable again. */
export function restoreMessage(db: Db, id: string): Message {
  const row = requireMessageRow(db, id);
  if (row.deleted_at !== null) {
    stmt(db, 'UPDATE messages SET deleted_at = NULL WHERE seq = ?').run(row.seq);
    if (row.conversation_deleted_at === null && row.status !== 'streaming')
      indexMessage(db, row.seq, row.content);
  }
  return toMessage(requireMessageRow(db, id), row.conversation_id);
}

/** Start-up: deletes for good the messages deleted before, their children following their parent. */
export function purgeDeletedMessages(db: Db): number {
  // Through the partial index: a start-up never walks the whole table.
  const ids = stmt(
    db,
    'SELECT id FROM messages INDEXED BY messages_deleted WHERE deleted_at IS NOT NULL',
  )
    .pluck()
    .all() as string[];
  for (const id of ids) {
    const row = stmt(db, 'SELECT seq, conv_pk, parent_id FROM messages WHERE id = ?').get(id) as
      { seq: number; conv_pk: number; parent_id: string | null } | undefined;
    if (!row) continue;
    stmt(db, 'UPDATE messages SET parent_id = ? WHERE conv_pk = ? AND parent_id = ?').run(
      row.parent_id,
      row.conv_pk,
      id,
    );
    unindexMessage(db, row.seq);
    stmt(db, 'DELETE FROM messages WHERE seq = ?').run(row.seq);
  }
  return ids.length;
}

/** Puts a message, and the path that leads to it, on screen. */
export function chooseMessageVersion(db: Db, id: string): string {
  const row = requireMessageRow(db, id);
  if (row.deleted_at !== null) throw new FleeceError('not_found', { text: 'message_gone' });
  chooseMessage(db, row.conv_pk, id);
  return row.conversation_id;
}

const INTERRUPTED_BY_EXIT = encodeFailureText({ text: coded('answer_closed_before_finish') });

/** Start-up sweep: an answer left `streaming` by a crash becomes `interrupted` (and searchable). */
export function interruptStreaming(db: Db, now: number): number {
  const streaming = stmt(db, "SELECT seq FROM messages WHERE status = 'streaming'")
    .pluck()
    .all() as number[];
  for (const seq of streaming) foldParts(db, seq);
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
