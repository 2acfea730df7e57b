import type { Migration } from './types';
import { LONG_BASE, MAX_CHUNKS } from '../searchChunks';

/**
 * The chunk rows of long messages move to their own FTS table, `message_search_long`. In one
 * table with the short messages, finding them took a rowid range (`rowid >= LONG_BASE`) that
 * FTS5 applies as a filter, not a seek: a phrase with no long match walked every row of the
 * phrase's terms (20–60 ms at a million messages, on every search). The small table is walked
 * instead. Contentless rows cannot be copied, so the long messages are queued to be indexed
 * again, a slice at a time, as migration 008 did.
 */
export const searchLongRows: Migration = {
  version: 9,
  name: 'search-long-rows',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE message_search_long USING fts5 (
        body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      );
    `);
    const chunks = db.prepare('SELECT id FROM search_chunk_start').pluck().all() as number[];
    const drop = db.prepare('DELETE FROM message_search WHERE rowid = ?');
    for (const id of chunks) drop.run(id);
    db.exec(`
      INSERT OR IGNORE INTO search_pending (seq, rev)
        SELECT DISTINCT (id - ${LONG_BASE}) / ${MAX_CHUNKS}, 0 FROM search_chunk_start;
      UPDATE search_pending SET next_chunk = 0, done_to = 0;
      DELETE FROM search_chunk_start;
    `);
  },
};
