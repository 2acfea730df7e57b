import { stmt, type Db } from './db';
import { foldForIndex } from '../../shared/rules/searchText';

/**
 * Keeps the contentless FTS tables in step with `messages` and `conversations`. Only finished
 * messages of conversations outside the trash are indexed: a streaming answer is checkpointed
 * every 250 ms and re-tokenising a growing 20 KB text each time would be wasted work (it is
 * indexed once when its status leaves `streaming`); trashed conversations leave the index so
 * a search never walks matches it would then throw away.
 */
export function indexMessage(db: Db, seq: number, content: string): void {
  stmt(db, 'INSERT OR REPLACE INTO message_search (rowid, body) VALUES (?, ?)').run(
    seq,
    foldForIndex(content),
  );
}

export function unindexMessage(db: Db, seq: number): void {
  stmt(db, 'DELETE FROM message_search WHERE rowid = ?').run(seq);
}

export function indexTitle(db: Db, pk: number, title: string): void {
  stmt(db, 'INSERT OR REPLACE INTO title_search (rowid, title) VALUES (?, ?)').run(
    pk,
    foldForIndex(title),
  );
}

export function unindexConversation(db: Db, pk: number): void {
  stmt(
    db,
    'DELETE FROM message_search WHERE rowid IN (SELECT seq FROM messages WHERE conv_pk = ?)',
  ).run(pk);
  stmt(db, 'DELETE FROM title_search WHERE rowid = ?').run(pk);
}

export function reindexConversation(db: Db, pk: number): void {
  const rows = stmt(
    db,
    "SELECT seq, content FROM messages WHERE conv_pk = ? AND status <> 'streaming'",
  ).all(pk) as { seq: number; content: string }[];
  for (const row of rows) indexMessage(db, row.seq, row.content);
  const title = stmt(db, 'SELECT title FROM conversations WHERE pk = ?').get(pk) as
    { title: string } | undefined;
  if (title) indexTitle(db, pk, title.title);
}
