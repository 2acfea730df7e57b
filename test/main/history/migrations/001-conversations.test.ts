import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversations } from '../../../../src/main/history/migrations/001-conversations';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { TempDir } from '../tempStore';

describe('migration 001 conversations', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('creates the table, bumps user_version to 1 and lists pinned first via its index', () => {
    const db = new Database(dir.file());
    try {
      runMigrations(db, [conversations]);
      expect(schemaVersion(db)).toBe(1);
      const columns = db
        .prepare('SELECT name FROM pragma_table_info(?)')
        .pluck()
        .all('conversations');
      expect(columns).toEqual([
        'pk',
        'id',
        'title',
        'title_is_custom',
        'pinned',
        'created_at',
        'updated_at',
        'deleted_at',
        'model',
        'profile_id',
        'system_prompt',
        'temperature',
      ]);
      const insert = db.prepare(
        'INSERT INTO conversations (id, pinned, created_at, updated_at) VALUES (?, ?, 0, ?)',
      );
      insert.run('a', 0, 30);
      insert.run('b', 1, 10);
      insert.run('c', 0, 20);
      const sql =
        'SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC, pk DESC';
      expect(db.prepare(sql).pluck().all()).toEqual(['b', 'a', 'c']);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('conversations_list');
      expect(() => insert.run('a', 0, 1)).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});
