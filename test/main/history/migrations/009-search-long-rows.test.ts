import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { chunkRowid } from '../../../../src/main/history/searchChunks';
import { foldForIndex } from '../../../../src/shared/rules/searchText';
import { TempDir } from '../tempStore';

describe('migration 009 search long rows', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('moves the chunk rows of long messages out of the short-message index, re-indexed in slices', async () => {
    const long = `${'Giá mỗi triệu token 中转站 '.repeat(20_000)} final numbat`;
    const db = new Database(dir.file());
    try {
      runMigrations(db, MIGRATIONS.slice(0, 8));
      db.exec(
        `INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', '', 0, 0);`,
      );
      const insert = db.prepare(
        `INSERT INTO messages (id, conv_pk, role, content, status, created_at, updated_at)
         VALUES (?, 1, 'user', ?, 'complete', ?, 0)`,
      );
      const shortSeq = Number(insert.run('short', 'a short numbat', 1).lastInsertRowid);
      const longSeq = Number(insert.run('long', long, 2).lastInsertRowid);
      db.prepare('INSERT INTO message_search (rowid, body) VALUES (?, ?)').run(
        shortSeq,
        foldForIndex('a short numbat'),
      );
      // Two chunk rows as version 8 wrote them: in message_search, above LONG_BASE.
      for (const k of [0, 1]) {
        const id = chunkRowid(longSeq, k);
        db.prepare('INSERT INTO message_search (rowid, body) VALUES (?, ?)').run(
          id,
          foldForIndex(k === 0 ? long.slice(0, 9000) : long.slice(-9000)),
        );
        db.prepare('INSERT INTO search_chunk_start (id, start) VALUES (?, ?)').run(id, k * 9000);
      }
      runMigrations(db, MIGRATIONS.slice(0, 9));
      expect(schemaVersion(db)).toBe(9);
      const left = db
        .prepare("SELECT rowid FROM message_search WHERE message_search MATCH 'numbat'")
        .pluck()
        .all();
      expect(left).toEqual([shortSeq]);
      expect(db.prepare('SELECT count(*) FROM search_chunk_start').pluck().get()).toBe(0);
      expect(db.prepare('SELECT seq, next_chunk FROM search_pending').all()).toEqual([
        { seq: longSeq, next_chunk: 0 },
      ]);
    } finally {
      db.close();
    }

    const { store } = await dir.open();
    try {
      await store.searchIndexed();
      const hits = store.search({ query: 'numbat' }).results.filter((r) => r.messageId);
      expect(hits.map((r) => r.messageId)).toEqual(['long', 'short']);
      expect(hits[0]?.snippet.endsWith('final numbat')).toBe(true);
      const phrase = store.search({ query: '"triệu token"' }).results;
      expect(phrase.map((r) => r.messageId)).toEqual(['long']);
      const longRows = store.db
        .prepare(
          "SELECT count(*) FROM message_search_long WHERE message_search_long MATCH 'numbat'",
        )
        .pluck()
        .get() as number;
      expect(longRows).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});
