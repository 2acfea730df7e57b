import {
  activePath,
  buildTree,
  chooseVersion,
  versionsOf,
  versionsOnPath,
  type VersionNode,
  type VersionTree,
} from '../../shared/rules/versionTree';
import { stmt, type Db } from './db';

/** A message as the version tree sees it (no text: a long conversation's tree reads fast). */
export interface TreeRow extends VersionNode {
  seq: number;
}

interface RawTreeRow {
  seq: number;
  id: string;
  parent_id: string | null;
  version_rank: number;
  deleted_at: number | null;
}

/**
 * True once a conversation has versions (some message was ever chosen among others). Until then
 * its path is simply its live messages in order, read with the paging index as before.
 */
export function hasVersions(db: Db, convPk: number): boolean {
  return (
    stmt(db, 'SELECT 1 FROM messages WHERE conv_pk = ? AND version_rank > 0 LIMIT 1').get(
      convPk,
    ) !== undefined
  );
}

export function treeRows(db: Db, convPk: number): TreeRow[] {
  const rows = stmt(
    db,
    `SELECT seq, id, parent_id, version_rank, deleted_at FROM messages WHERE conv_pk = ?
     ORDER BY created_at, seq`,
  ).all(convPk) as RawTreeRow[];
  return rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    parentId: r.parent_id,
    versionRank: r.version_rank,
    deletedAt: r.deleted_at,
  }));
}

export interface ConversationTree {
  rows: TreeRow[];
  tree: VersionTree<TreeRow>;
  path: TreeRow[];
}

export function conversationTree(db: Db, convPk: number): ConversationTree {
  const rows = treeRows(db, convPk);
  const tree = buildTree(rows);
  return { rows, tree, path: activePath(tree) };
}

/** Where a new message goes by default: after the last message on screen (null when empty). */
export function activeLeafId(db: Db, convPk: number): string | null {
  if (!hasVersions(db, convPk)) {
    return (
      (stmt(
        db,
        `SELECT id FROM messages WHERE conv_pk = ? AND deleted_at IS NULL
         ORDER BY created_at DESC, seq DESC LIMIT 1`,
      )
        .pluck()
        .get(convPk) as string | undefined) ?? null
    );
  }
  return conversationTree(db, convPk).path.at(-1)?.id ?? null;
}

/** Puts a message (and what it follows) on screen. Returns whether any rank changed. */
export function chooseMessage(db: Db, convPk: number, id: string): boolean {
  const rows = treeRows(db, convPk);
  const tree = buildTree(rows);
  const ranks = chooseVersion(tree, rows, id);
  const update = stmt(db, 'UPDATE messages SET version_rank = ? WHERE id = ?');
  for (const [messageId, rank] of ranks) update.run(rank, messageId);
  return ranks.size > 0;
}

/**
 * Whether a message has live children other than `exceptId`. Children are created after their
 * parent, so only the messages after it are read (none, when it ends the conversation).
 */
function hasOtherChildren(db: Db, convPk: number, parentId: string, exceptId: string): boolean {
  const parent = stmt(db, 'SELECT created_at, seq FROM messages WHERE id = ?').get(parentId) as
    { created_at: number; seq: number } | undefined;
  if (!parent) return false;
  return (
    stmt(
      db,
      `SELECT 1 FROM messages WHERE conv_pk = ? AND (created_at, seq) > (?, ?)
       AND parent_id = ? AND id <> ? AND deleted_at IS NULL LIMIT 1`,
    ).get(convPk, parent.created_at, parent.seq, parentId, exceptId) !== undefined
  );
}

/**
 * A message just added: beside others (a new version), it becomes the one on screen. Returns
 * its rank. Appending after the last message, the common case, reads only the newest rows.
 */
export function chooseIfVersion(
  db: Db,
  convPk: number,
  id: string,
  parentId: string | null,
): number {
  if (parentId !== null && !hasOtherChildren(db, convPk, parentId, id)) return 0;
  const rows = treeRows(db, convPk);
  const tree = buildTree(rows);
  const ranks = chooseVersion(tree, rows, id);
  const update = stmt(db, 'UPDATE messages SET version_rank = ? WHERE id = ?');
  for (const [messageId, rank] of ranks) update.run(rank, messageId);
  return ranks.get(id) ?? 0;
}

/** The versions of each message on the path that has others. */
export function pathVersions(t: ConversationTree): Record<string, string[]> {
  return versionsOnPath(t.tree, t.path);
}

/** The versions of one message (itself included); empty when it has none. */
export function messageVersions(db: Db, convPk: number, id: string): string[] {
  if (!hasVersions(db, convPk)) return [];
  const ids = versionsOf(buildTree(treeRows(db, convPk)), id);
  return ids.length > 1 ? ids : [];
}
