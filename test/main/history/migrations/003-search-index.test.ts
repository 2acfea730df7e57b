import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversations } from '../../../../src/main/history/migrations/001-conversations';
import { messages } from '../../../../src/main/history/migrations/002-messages';
import { searchIndex } from '../../../../src/main/history/migrations/003-search-index';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { TempDir } from '../tempStore';

describe('migration 003 search index', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('indexes the finished messages and titles that existed before it, folded', () => {
    const db = new Database(dir.file());
    try {
      runMigrations(db, [conversations, messages]);
      db.prepare(
        "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Đồng hồ', 0, 0)",
      ).run();
      const insert = db.prepare(
        'INSERT INTO messages (id, conv_pk, role, content, status, created_at, updated_at) VALUES (?, 1, ?, ?, ?, 0, 0)',
      );
      db.transaction(() => {
        insert.run('m1', 'user', 'Tiết kiệm điện', 'complete');
        insert.run('m2', 'assistant', '中转站 tiết kiệm', 'streaming');
        for (let i = 0; i < 1500; i++) insert.run(`bulk${i}`, 'user', `filler ${i}`, 'complete');
      })();
      runMigrations(db, [conversations, messages, searchIndex]);
      expect(schemaVersion(db)).toBe(3);
      const hits = (q: string) =>
        db
          .prepare('SELECT rowid FROM message_search WHERE message_search MATCH ? ORDER BY rowid')
          .pluck()
          .all(q);
      expect(hits('"tiet kiem"')).toEqual([1]); // the streaming one is not indexed
      expect(hits('"filler"')).toHaveLength(1500); // backfill pages past its first 1000 rows
      expect(
        db
          .prepare('SELECT rowid FROM title_search WHERE title_search MATCH \'"dong"\'')
          .pluck()
          .all(),
      ).toEqual([1]);
    } finally {
      db.close();
    }
  });
});
