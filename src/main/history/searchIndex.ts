import { randomInt } from 'node:crypto';
import { stmt, type Db } from './db';
import { CHUNK_CHARS, chunkRowid, chunkSize, MAX_CHUNKS, nextChunk } from './searchChunks';
import { foldForIndex } from '../../shared/rules/searchText';
import { indexAttachments, unindexAttachments } from './attachmentRepository';

/**
 * Keeps the contentless FTS tables in step with `messages` and `conversations`. Only finished
 * messages of conversations outside the trash are indexed: a streaming answer is checkpointed
 * every 250 ms and re-tokenising a growing 20 KB text each time would be wasted work (it is
 * indexed once when its status leaves `streaming`); trashed conversations leave the index so
 * a search never walks matches it would then throw away.
 *
 * A message longer than CHUNK_CHARS is not indexed in the caller's transaction: it is queued in
 * `search_pending` (so a crash resumes it) and written chunk by chunk by `indexPendingSlice`.
 */
export function indexMessage(db: Db, seq: number, content: string): void {
  clearChunks(db, seq);
  indexAttachments(db, seq);
  if (content.length <= CHUNK_CHARS) {
    stmt(db, 'DELETE FROM search_pending WHERE seq = ?').run(seq);
    stmt(db, 'INSERT OR REPLACE INTO message_search (rowid, body) VALUES (?, ?)').run(
      seq,
      foldForIndex(content),
    );
    return;
  }
  stmt(db, 'DELETE FROM message_search WHERE rowid = ?').run(seq);
  const rev = randomInt(2 ** 47);
  stmt(
    db,
    'INSERT OR REPLACE INTO search_pending (seq, rev, next_chunk, done_to) VALUES (?, ?, 0, 0)',
  ).run(seq, rev);
  pendingText.set(db, { seq, rev, text: content });
}

export function unindexMessage(db: Db, seq: number): void {
  unindexAttachments(db, seq);
  stmt(db, 'DELETE FROM message_search WHERE rowid = ?').run(seq);
  stmt(db, 'DELETE FROM search_pending WHERE seq = ?').run(seq);
  clearChunks(db, seq);
}

/** Removes the chunk rows of a long message (none for a short one: one index lookup). */
function clearChunks(db: Db, seq: number): void {
  const ids = stmt(db, 'SELECT id FROM search_chunk_start WHERE id BETWEEN ? AND ?')
    .pluck()
    .all(chunkRowid(seq, 0), chunkRowid(seq, MAX_CHUNKS - 1)) as number[];
  for (const id of ids) {
    stmt(db, 'DELETE FROM message_search_long WHERE rowid = ?').run(id);
    stmt(db, 'DELETE FROM search_chunk_start WHERE id = ?').run(id);
  }
}

export function indexTitle(db: Db, pk: number, title: string): void {
  stmt(db, 'INSERT OR REPLACE INTO title_search (rowid, title) VALUES (?, ?)').run(
    pk,
    foldForIndex(title),
  );
}

export function unindexConversation(db: Db, pk: number): void {
  const seqs = stmt(db, 'SELECT seq FROM messages WHERE conv_pk = ?').pluck().all(pk) as number[];
  for (const seq of seqs) unindexMessage(db, seq);
  stmt(db, 'DELETE FROM title_search WHERE rowid = ?').run(pk);
}

export function reindexConversation(db: Db, pk: number): void {
  const rows = stmt(
    db,
    "SELECT seq, content FROM messages WHERE conv_pk = ? AND status <> 'streaming' AND deleted_at IS NULL",
  ).all(pk) as { seq: number; content: string }[];
  for (const row of rows) indexMessage(db, row.seq, row.content);
  const title = stmt(db, 'SELECT title FROM conversations WHERE pk = ?').get(pk) as
    { title: string } | undefined;
  if (title) indexTitle(db, pk, title.title);
}

interface PendingText {
  seq: number;
  rev: number;
  text: string;
}

/**
 * The text of the message being chunked, kept between slices so a megabyte is not read back
 * from the file for every few chunks. `rev` changes whenever the message is queued again.
 */
const pendingText = new WeakMap<Db, PendingText>();

/**
 * Hands the indexer the text of `seq`, queued by another connection (the finish writer), so it
 * is not read back from the file. Ignored unless `seq` is queued.
 */
export function adoptPendingText(db: Db, seq: number, text: string): void {
  const rev = stmt(db, 'SELECT rev FROM search_pending WHERE seq = ?').pluck().get(seq) as
    number | undefined;
  if (rev !== undefined) pendingText.set(db, { seq, rev, text });
}

/** Drops the cached text of this connection (one that only writes keeps no megabytes alive). */
export function forgetPendingText(db: Db): void {
  pendingText.delete(db);
}

interface PendingRow {
  seq: number;
  rev: number;
  next_chunk: number;
  done_to: number;
}

/** True while some long message still waits for (part of) its index rows. */
export function hasPendingIndex(db: Db): boolean {
  return stmt(db, 'SELECT 1 FROM search_pending LIMIT 1').get() !== undefined;
}

/**
 * Writes index chunks of queued messages, newest message first, for about `budgetMs` in one
 * transaction (one chunk is 1–5 ms of work). Returns whether work remains. Each call reads the
 * queue afresh, so an edit, delete or trash in between simply changes what the next one does.
 */
export function indexPendingSlice(db: Db, budgetMs: number): boolean {
  const deadline = performance.now() + budgetMs;
  return db
    .transaction(() => {
      do {
        const job = stmt(
          db,
          'SELECT seq, rev, next_chunk, done_to FROM search_pending ORDER BY seq DESC LIMIT 1',
        ).get() as PendingRow | undefined;
        if (!job) return false;
        indexNextChunk(db, job);
      } while (performance.now() < deadline);
      return hasPendingIndex(db);
    })
    .immediate();
}

function indexNextChunk(db: Db, job: PendingRow): void {
  const text = pendingTextOf(db, job);
  const chunk = text === null ? null : nextChunk(text, job.done_to, chunkSize(text.length));
  if (text === null || chunk === null || job.next_chunk >= MAX_CHUNKS) {
    stmt(db, 'DELETE FROM search_pending WHERE seq = ?').run(job.seq);
    return;
  }
  if (job.next_chunk === 0 && text.length <= CHUNK_CHARS) {
    // Queued by the migration (which goes by bytes) but short: it keeps its one row.
    stmt(db, 'INSERT OR REPLACE INTO message_search (rowid, body) VALUES (?, ?)').run(
      job.seq,
      foldForIndex(text),
    );
    stmt(db, 'DELETE FROM search_pending WHERE seq = ?').run(job.seq);
    return;
  }
  // A message indexed whole before chunks existed (queued by the migration) loses that row now.
  if (job.next_chunk === 0) stmt(db, 'DELETE FROM message_search WHERE rowid = ?').run(job.seq);
  const rowid = chunkRowid(job.seq, job.next_chunk);
  stmt(db, 'INSERT OR REPLACE INTO message_search_long (rowid, body) VALUES (?, ?)').run(
    rowid,
    foldForIndex(text.slice(chunk.start, chunk.end)),
  );
  stmt(db, 'INSERT OR REPLACE INTO search_chunk_start (id, start) VALUES (?, ?)').run(
    rowid,
    chunk.start,
  );
  if (chunk.end >= text.length) {
    stmt(db, 'DELETE FROM search_pending WHERE seq = ?').run(job.seq);
    pendingText.delete(db);
  } else {
    stmt(db, 'UPDATE search_pending SET next_chunk = ?, done_to = ? WHERE seq = ?').run(
      job.next_chunk + 1,
      chunk.end,
      job.seq,
    );
  }
}

/** The queued message's text (null when it is gone or no longer to be indexed). */
function pendingTextOf(db: Db, job: PendingRow): string | null {
  const cached = pendingText.get(db);
  if (cached && cached.seq === job.seq && cached.rev === job.rev) return cached.text;
  const row = stmt(
    db,
    `SELECT m.content, m.status, c.deleted_at, m.deleted_at AS message_deleted_at FROM messages m
     JOIN conversations c ON c.pk = m.conv_pk WHERE m.seq = ?`,
  ).get(job.seq) as
    | {
        content: string;
        status: string;
        deleted_at: number | null;
        message_deleted_at: number | null;
      }
    | undefined;
  if (!row || row.status === 'streaming' || row.deleted_at !== null) return null;
  if (row.message_deleted_at !== null) return null;
  pendingText.set(db, { seq: job.seq, rev: job.rev, text: row.content });
  return row.content;
}
