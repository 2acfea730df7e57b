import type { Message, MessagePage } from '../../shared/types/history';
import { requireConversationRow } from './conversationRepository';
import { stmt, type Db } from './db';
import { requireMessageRow } from './messageRepository';
import { FleeceError } from '../errors/FleeceError';
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from './messageColumns';
import { conversationTree, hasVersions, pathVersions } from './versionRepository';
import type { ConversationRow } from './rows';
import { pendingComparisons } from './comparisonRepository';

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
// A conversation without versions is one path: its live messages in order.
const OLDER = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_pk = ? AND (created_at, seq) < (?, ?)
  AND deleted_at IS NULL ORDER BY created_at DESC, seq DESC LIMIT ?`;
const NEWER = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_pk = ? AND (created_at, seq) > (?, ?)
  AND deleted_at IS NULL ORDER BY created_at, seq LIMIT ?`;
const LAST = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_pk = ? AND deleted_at IS NULL
  ORDER BY created_at DESC, seq DESC LIMIT ?`;
const BY_SEQ = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE seq IN (SELECT value FROM json_each(?))`;

/** The rows of `seqs`, in the order given (a path's order). */
function rowsBySeq(db: Db, seqs: readonly number[]): MessageRow[] {
  if (seqs.length === 0) return [];
  const rows = stmt(db, BY_SEQ).all(JSON.stringify(seqs)) as MessageRow[];
  const at = new Map(seqs.map((seq, i) => [seq, i]));
  return rows.sort((a, b) => (at.get(a.seq) ?? 0) - (at.get(b.seq) ?? 0));
}

/**
 * Oldest first within the page; by default the last `limit` messages. With the comparisons not
 * kept yet whose question is on the page.
 */
export function listMessages(
  db: Db,
  conversationId: string,
  options: MessagePageOptions = {},
): MessagePage {
  const conv = requireConversationRow(db, conversationId);
  const page = readPage(db, conv, options);
  const pending = pendingComparisons(db, conv.pk);
  if (pending.length === 0) return page;
  const onPage = new Set(page.messages.map((m) => m.id));
  const comparisons = pending.filter((c) => onPage.has(c.questionId));
  return comparisons.length > 0 ? { ...page, comparisons } : page;
}

function readPage(db: Db, conv: ConversationRow, options: MessagePageOptions): MessagePage {
  const n = Math.max(1, Math.min(1000, Math.floor(options.limit ?? 200)));
  if (hasVersions(db, conv.pk)) return listPathMessages(db, conv, n, options);
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

/** A page of the path on screen of a conversation with versions, with the versions of its messages. */
function listPathMessages(
  db: Db,
  conv: ConversationRow,
  n: number,
  options: MessagePageOptions,
): MessagePage {
  const t = conversationTree(db, conv.pk);
  const path = t.path;
  const anchorId = options.beforeId ?? options.afterId ?? options.aroundId;
  let from = Math.max(0, path.length - n);
  let to = path.length;
  if (anchorId) {
    const at = path.findIndex((m) => m.id === anchorId);
    if (at < 0) {
      const anchor = requireMessageRow(db, anchorId);
      if (anchor.conv_pk !== conv.pk) {
        throw new FleeceError('bad_request', { text: 'message_other_conversation' });
      }
      // Not on screen any more (another version was chosen): the page ends the path.
    } else if (options.beforeId) {
      from = Math.max(0, at - n);
      to = at;
    } else if (options.afterId) {
      from = at + 1;
      to = Math.min(path.length, at + 1 + n);
    } else {
      from = Math.max(0, at - Math.floor((n - 1) / 2));
      to = Math.min(path.length, from + n);
    }
  }
  const slice = path.slice(from, to);
  const versions = pathVersions({ ...t, path: slice });
  return {
    messages: rowsBySeq(
      db,
      slice.map((m) => m.seq),
    ).map((r) => toMessage(r, conv.id)),
    hasMore: from > 0,
    hasNewer: to < path.length,
    ...(Object.keys(versions).length > 0 ? { versions } : {}),
  };
}

/**
 * Every live message of a conversation, every version, in order (the JSON export). A message
 * that followed a deleted one follows that one's parent.
 */
export function allMessages(db: Db, conversationId: string): Message[] {
  const conv = requireConversationRow(db, conversationId);
  const rows = stmt(
    db,
    `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_pk = ? ORDER BY created_at, seq`,
  ).all(conv.pk) as MessageRow[];
  const deleted = new Map<string, string | null>();
  for (const r of rows) if (r.deleted_at !== null) deleted.set(r.id, r.parent_id);
  const liveParent = (id: string | null): string | null => {
    const seen = new Set<string>();
    while (id !== null && deleted.has(id) && !seen.has(id)) {
      seen.add(id);
      id = deleted.get(id) ?? null;
    }
    return id !== null && deleted.has(id) ? null : id;
  };
  return rows
    .filter((r) => r.deleted_at === null)
    .map((r) => ({ ...toMessage(r, conv.id), parentId: liveParent(r.parent_id) }));
}

/** The path on screen, first message first (the prompt, the Markdown export). */
export function pathMessages(db: Db, conversationId: string): Message[] {
  const conv = requireConversationRow(db, conversationId);
  if (!hasVersions(db, conv.pk)) {
    const rows = stmt(
      db,
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_pk = ? AND deleted_at IS NULL
       ORDER BY created_at, seq`,
    ).all(conv.pk) as MessageRow[];
    return rows.map((r) => toMessage(r, conv.id));
  }
  const { path } = conversationTree(db, conv.pk);
  return rowsBySeq(
    db,
    path.map((m) => m.seq),
  ).map((r) => toMessage(r, conv.id));
}

/** The ids of the live messages of a conversation without versions, in order (no text read). */
export function pathMessageIds(db: Db, convPk: number): string[] {
  return stmt(
    db,
    `SELECT id FROM messages WHERE conv_pk = ? AND deleted_at IS NULL ORDER BY created_at, seq`,
  )
    .pluck()
    .all(convPk) as string[];
}
