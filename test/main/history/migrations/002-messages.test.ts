import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversations } from '../../../../src/main/history/migrations/001-conversations';
import { messages } from '../../../../src/main/history/migrations/002-messages';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { TempDir } from '../tempStore';

describe('migration 002 messages', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('adds messages with checked role/status, cascading deletes and no key column', () => {
    const db = new Database(dir.file());
    try {
      db.pragma('foreign_keys = ON');
      runMigrations(db, [conversations]);
      db.prepare(
        "INSERT INTO conversations (id, created_at, updated_at) VALUES ('c1', 0, 0)",
      ).run();
      runMigrations(db, [conversations, messages]);
      expect(schemaVersion(db)).toBe(2);
      const insert = db.prepare(
        'INSERT INTO messages (id, conv_pk, role, status, created_at, updated_at) VALUES (?, 1, ?, ?, 0, 0)',
      );
      insert.run('m1', 'user', 'complete');
      expect(() => insert.run('m2', 'tool', 'complete')).toThrow(/CHECK/);
      expect(() => insert.run('m3', 'assistant', 'done')).toThrow(/CHECK/);
      const columns = db
        .prepare('SELECT name FROM pragma_table_info(?)')
        .pluck()
        .all('messages') as string[];
      expect(columns.filter((c) => /key|secret|token$/i.test(c) && !/_tokens$/.test(c))).toEqual(
        [],
      );
      db.prepare("DELETE FROM conversations WHERE id = 'c1'").run();
      expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
