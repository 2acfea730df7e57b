import type { Message, MessagePage } from '../../shared/types/history';
import { requireConversationRow } from './conversationRepository';
import { stmt, type Db } from './db';
import { requireMessageRow } from './messageRepository';
import { FleeceError } from '../errors/FleeceError';
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from './messageColumns';

export interface MessagePageOptions {
  /** Default 200, at most 1000. */
  limit?: number;
  /** The page of older messages just before this one (scrolling up). */
  beforeId?: string | null;
  /** The page of newer messages just after this one (scrolling down after a jump). */
  afterId?: string | null;
  /** A page with this message in the middle (jumping to a search result). */
  aroundId?: string | null;
}

// Keyset pages on (created_at, seq), served by the messages_by_conversation index both ways.
const OLDER = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_pk = ? AND (created_at, seq) < (?, ?)
  ORDER BY created_at DESC, seq DESC LIMIT ?`;
const NEWER = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_pk = ? AND (created_at, seq) > (?, ?)
  ORDER BY created_at, seq LIMIT ?`;
const LAST = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_pk = ?
  ORDER BY created_at DESC, seq DESC LIMIT ?`;

/** Oldest first within the page; by default the last `limit` messages. */
export function listMessages(
  db: Db,
  conversationId: string,
  options: MessagePageOptions = {},
): MessagePage {
  const conv = requireConversationRow(db, conversationId);
  const n = Math.max(1, Math.min(1000, Math.floor(options.limit ?? 200)));
  const page = (rows: MessageRow[], hasMore: boolean, hasNewer: boolean): MessagePage => ({
    messages: rows.map((r) => toMessage(r, conv.id)),
    hasMore,
    hasNewer,
  });
  const read = (sql: string, ...args: number[]) =>
    stmt(db, sql).all(conv.pk, ...args) as MessageRow[];

  const anchorId = options.beforeId ?? options.afterId ?? options.aroundId;
  if (!anchorId) {
    const rows = read(LAST, n + 1);
    return page(rows.slice(0, n).reverse(), rows.length > n, false);
  }
  const anchor = requireMessageRow(db, anchorId);
  if (anchor.conv_pk !== conv.pk) {
    throw new FleeceError('bad_request', { text: 'message_other_conversation' });
  }
  const at = [anchor.created_at, anchor.seq];
  if (options.beforeId) {
    const rows = read(OLDER, ...at, n + 1);
    return page(rows.slice(0, n).reverse(), rows.length > n, true);
  }
  if (options.afterId) {
    const rows = read(NEWER, ...at, n + 1);
    return page(rows.slice(0, n), true, rows.length > n);
  }
  const olderWanted = Math.floor((n - 1) / 2);
  const newerWanted = n - 1 - olderWanted;
  const older = read(OLDER, ...at, olderWanted + 1);
  const newer = read(NEWER, ...at, newerWanted + 1);
  return page(
    [...older.slice(0, olderWanted).reverse(), anchor, ...newer.slice(0, newerWanted)],
    older.length > olderWanted,
    newer.length > newerWanted,
  );
}

/** Every message of a conversation in order (prompt assembly, export). */
export function allMessages(db: Db, conversationId: string): Message[] {
  const conv = requireConversationRow(db, conversationId);
  const rows = stmt(
    db,
    `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_pk = ? ORDER BY created_at, seq`,
  ).all(conv.pk) as MessageRow[];
  return rows.map((r) => toMessage(r, conv.id));
}
