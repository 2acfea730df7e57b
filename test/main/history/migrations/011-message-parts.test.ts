import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { TempDir } from '../tempStore';

describe('migration 011 message parts', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('adds the parts table to an existing history; parts go with their message', () => {
    const db = new Database(dir.file());
    try {
      runMigrations(db, MIGRATIONS.slice(0, 10));
      db.pragma('foreign_keys = ON');
      db.exec(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', '', 0, 0);
        INSERT INTO messages (id, conv_pk, role, content, status, created_at, updated_at)
          VALUES ('kept', 1, 'assistant', 'an older answer', 'complete', 0, 0),
                 ('live', 1, 'assistant', 'so far: ', 'streaming', 1, 0);`);
      runMigrations(db, MIGRATIONS.slice(0, 11));
      expect(schemaVersion(db)).toBe(11);
      expect(db.prepare("SELECT content FROM messages WHERE id = 'kept'").pluck().get()).toBe(
        'an older answer',
      );
      const part = db.prepare(
        'INSERT INTO message_parts (seq, n, content, reasoning) VALUES (?, ?, ?, ?)',
      );
      part.run(2, 0, 'one ', '');
      part.run(2, 1, 'two', 'why');
      expect(() => part.run(2, 1, 'again', '')).toThrow(/UNIQUE/);
      expect(() => part.run(99, 0, 'orphan', '')).toThrow(/FOREIGN KEY/);
      db.prepare("DELETE FROM messages WHERE id = 'live'").run();
      expect(db.prepare('SELECT count(*) FROM message_parts').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
