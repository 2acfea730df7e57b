import type { Migration } from './types';
import { CHUNK_CHARS } from '../searchChunks';

/**
 * Long messages are indexed in chunks, a few at a time (searchIndex.ts, searchChunks.ts):
 * `search_pending` is the queue (it survives a crash, so indexing resumes at the next start),
 * `search_chunk_start` where each chunk row starts in its message (the snippet is cut there
 * instead of tokenising a megabyte from the top). Messages indexed whole before this version
 * stay searchable as they are and are queued to be re-indexed in chunks.
 */
export const searchChunks: Migration = {
  version: 8,
  name: 'search-chunks',
  up(db) {
    db.exec(`
      CREATE TABLE search_pending (
        seq INTEGER PRIMARY KEY,
        rev INTEGER NOT NULL,
        next_chunk INTEGER NOT NULL DEFAULT 0,
        done_to INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE search_chunk_start (id INTEGER PRIMARY KEY, start INTEGER NOT NULL);
    `);
    // octet_length reads the size from the record header, never the text (length() would load
    // every message of the file); bytes >= characters, so this takes a few short ones too,
    // which the indexer then keeps as one row.
    db.prepare(
      `INSERT INTO search_pending (seq, rev)
       SELECT m.seq, 0 FROM messages m JOIN conversations c ON c.pk = m.conv_pk
       WHERE octet_length(m.content) > ? AND m.status <> 'streaming' AND c.deleted_at IS NULL`,
    ).run(CHUNK_CHARS);
  },
};
