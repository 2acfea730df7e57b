import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { TempDir } from '../tempStore';

describe('migration 007 conversation order', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('lists an existing history by id on ties, through the new index', () => {
    const db = new Database(dir.file());
    try {
      runMigrations(db, MIGRATIONS.slice(0, 6));
      const insert = db.prepare(
        'INSERT INTO conversations (id, pinned, created_at, updated_at) VALUES (?, 0, 0, ?)',
      );
      insert.run('b', 10);
      insert.run('c', 10);
      insert.run('a', 10);
      runMigrations(db, MIGRATIONS);
      const sql = `SELECT id FROM conversations WHERE deleted_at IS NULL AND (pinned, updated_at, id) < (0, 10, 'c')
         ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT 2`;
      expect(db.prepare(sql).pluck().all()).toEqual(['b', 'a']);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
      const detail = plan.map((p) => p.detail).join(' ');
      expect(detail).toContain('conversations_order');
      expect(detail).not.toContain('TEMP B-TREE');
    } finally {
      db.close();
    }
  });
});
