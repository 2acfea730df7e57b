import { randomUUID } from 'node:crypto';
import { FleeceError } from '../errors/FleeceError';
import type { Conversation, ConversationPage } from '../../shared/types/history';
import { stmt, type Db } from './db';
import {
  CONVERSATION_COLUMNS,
  decodeCursor,
  encodeCursor,
  toConversation,
  type ConversationRow,
} from './rows';
import { indexTitle, reindexConversation, unindexConversation } from './searchIndex';
import { cleanTitle } from './titles';

export interface NewConversation {
  id?: string;
  title?: string;
  model?: string | null;
  profileId?: string | null;
  systemPrompt?: string | null;
  temperature?: number | null;
  contextTurns?: number | null;
}

export type ConversationSettings = Pick<
  NewConversation,
  'model' | 'profileId' | 'systemPrompt' | 'temperature' | 'contextTurns'
>;

export function insertConversation(db: Db, input: Conversation): number {
  const c = { ...input, title: cleanTitle(input.title) };
  const info = stmt(
    db,
    `INSERT INTO conversations (id, title, title_is_custom, pinned, created_at, updated_at, deleted_at,
       model, profile_id, system_prompt, temperature, context_turns)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.title,
    c.titleIsCustom ? 1 : 0,
    c.pinned ? 1 : 0,
    c.createdAt,
    c.updatedAt,
    c.deletedAt,
    c.model,
    c.profileId,
    c.systemPrompt,
    c.temperature,
    c.contextTurns,
  );
  const pk = Number(info.lastInsertRowid);
  if (c.deletedAt === null && c.title !== '') indexTitle(db, pk, c.title);
  return pk;
}

export function createConversation(db: Db, input: NewConversation, now: number): Conversation {
  const title = cleanTitle(input.title ?? '');
  const conversation: Conversation = {
    id: input.id ?? randomUUID(),
    title,
    titleIsCustom: title !== '',
    pinned: false,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    model: input.model ?? null,
    profileId: input.profileId ?? null,
    systemPrompt: input.systemPrompt ?? null,
    temperature: input.temperature ?? null,
    contextTurns: input.contextTurns ?? null,
  };
  insertConversation(db, conversation);
  return conversation;
}

export function conversationRow(db: Db, id: string): ConversationRow | undefined {
  return stmt(db, `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ?`).get(id) as
    ConversationRow | undefined;
}

export function requireConversationRow(db: Db, id: string): ConversationRow {
  const row = conversationRow(db, id);
  if (!row) throw new FleeceError('not_found', { text: 'conversation_gone' });
  return row;
}

export function getConversation(db: Db, id: string): Conversation | null {
  const row = conversationRow(db, id);
  return row ? toConversation(row) : null;
}

function clampLimit(limit: number | undefined, fallback: number): number {
  return Math.max(1, Math.min(200, Math.floor(limit ?? fallback)));
}

/**
 * In the shared conversation order (pinned, last activity, id; see compareConversations),
 * keyset-paged so page N costs what page 1 does.
 */
export function listConversations(
  db: Db,
  cursor?: string | null,
  limit?: number,
): ConversationPage {
  const n = clampLimit(limit, 50);
  const where = 'deleted_at IS NULL' + (cursor ? ' AND (pinned, updated_at, id) < (?, ?, ?)' : '');
  const rows = stmt(
    db,
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE ${where}
     ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?`,
  ).all(...(cursor ? decodeListCursor(cursor) : []), n + 1) as ConversationRow[];
  const page = rows.slice(0, n);
  const last = page.at(-1);
  return {
    conversations: page.map(toConversation),
    nextCursor: rows.length > n && last ? encodeListCursor(last) : null,
  };
}

/** `pinned:updatedAt:id`, the id in base64url (an imported id may hold any character). */
function encodeListCursor(row: ConversationRow): string {
  return `${encodeCursor([row.pinned, row.updated_at])}:${Buffer.from(row.id).toString('base64url')}`;
}

function decodeListCursor(cursor: string): [number, number, string] {
  const at = cursor.lastIndexOf(':');
  const [pinned, updatedAt] = decodeCursor(cursor.slice(0, Math.max(at, 0)), 2);
  const id = cursor.slice(at + 1);
  if (!/^[A-Za-z0-9_-]+$/.test(id) || pinned === undefined || updatedAt === undefined) {
    throw new FleeceError('bad_cursor');
  }
  return [pinned, updatedAt, Buffer.from(id, 'base64url').toString()];
}

export function listTrash(db: Db, cursor?: string | null, limit?: number): ConversationPage {
  const n = clampLimit(limit, 50);
  const where = 'deleted_at IS NOT NULL' + (cursor ? ' AND (deleted_at, pk) < (?, ?)' : '');
  const rows = stmt(
    db,
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE ${where}
     ORDER BY deleted_at DESC, pk DESC LIMIT ?`,
  ).all(...(cursor ? decodeCursor(cursor, 2) : []), n + 1) as ConversationRow[];
  const page = rows.slice(0, n);
  const last = page.at(-1);
  return {
    conversations: page.map(toConversation),
    nextCursor: rows.length > n && last ? encodeCursor([last.deleted_at ?? 0, last.pk]) : null,
  };
}

export function setTitle(
  db: Db,
  row: ConversationRow,
  title: string,
  custom: boolean,
  now: number,
): void {
  title = cleanTitle(title);
  stmt(
    db,
    'UPDATE conversations SET title = ?, title_is_custom = ?, updated_at = max(updated_at, ?) WHERE pk = ?',
  ).run(title, custom ? 1 : 0, now, row.pk);
  if (row.deleted_at === null) indexTitle(db, row.pk, title);
}

export function setPinned(db: Db, id: string, pinned: boolean): void {
  const row = requireConversationRow(db, id);
  stmt(db, 'UPDATE conversations SET pinned = ? WHERE pk = ?').run(pinned ? 1 : 0, row.pk);
}

export function updateSettings(db: Db, id: string, patch: ConversationSettings): void {
  const row = requireConversationRow(db, id);
  const next = {
    model: patch.model === undefined ? row.model : patch.model,
    profile_id: patch.profileId === undefined ? row.profile_id : patch.profileId,
    system_prompt: patch.systemPrompt === undefined ? row.system_prompt : patch.systemPrompt,
    temperature: patch.temperature === undefined ? row.temperature : patch.temperature,
    context_turns: patch.contextTurns === undefined ? row.context_turns : patch.contextTurns,
  };
  stmt(
    db,
    'UPDATE conversations SET model = ?, profile_id = ?, system_prompt = ?, temperature = ?, context_turns = ? WHERE pk = ?',
  ).run(
    next.model,
    next.profile_id,
    next.system_prompt,
    next.temperature,
    next.context_turns,
    row.pk,
  );
}

export function touchConversation(db: Db, pk: number, now: number): void {
  stmt(db, 'UPDATE conversations SET updated_at = max(updated_at, ?) WHERE pk = ?').run(now, pk);
}

export function trashConversation(db: Db, id: string, now: number): void {
  const row = requireConversationRow(db, id);
  if (row.deleted_at !== null) return;
  stmt(db, 'UPDATE conversations SET deleted_at = ? WHERE pk = ?').run(now, row.pk);
  unindexConversation(db, row.pk);
}

export function restoreConversation(db: Db, id: string): void {
  const row = requireConversationRow(db, id);
  if (row.deleted_at === null) return;
  stmt(db, 'UPDATE conversations SET deleted_at = NULL WHERE pk = ?').run(row.pk);
  reindexConversation(db, row.pk);
}

export function purgeConversation(db: Db, id: string): void {
  const row = requireConversationRow(db, id);
  unindexConversation(db, row.pk);
  stmt(db, 'DELETE FROM conversations WHERE pk = ?').run(row.pk);
}

/** Permanently removes trashed conversations deleted at or before `cutoff` (all when omitted). */
export function purgeTrash(db: Db, cutoff = Number.MAX_SAFE_INTEGER): number {
  const rows = stmt(
    db,
    'SELECT pk FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?',
  ).all(cutoff) as { pk: number }[];
  for (const { pk } of rows) {
    unindexConversation(db, pk);
    stmt(db, 'DELETE FROM conversations WHERE pk = ?').run(pk);
  }
  return rows.length;
}
