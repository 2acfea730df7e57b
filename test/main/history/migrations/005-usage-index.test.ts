import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { TempDir } from '../tempStore';

describe('migration 005 usage index', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('adds a partial covering index the usage query plan uses', () => {
    const db = new Database(dir.file());
    try {
      runMigrations(db, MIGRATIONS.slice(0, 4));
      db.prepare(
        "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old', 0, 0)",
      ).run();
      db.prepare(
        `INSERT INTO messages (id, conv_pk, role, content, status, model, cost, created_at, updated_at)
         VALUES ('m1', 1, 'assistant', 'A', 'complete', 'deepseek-chat', 0.001, 10, 10)`,
      ).run();
      runMigrations(db, MIGRATIONS);
      const index = db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'messages_usage'")
        .get() as { sql: string } | undefined;
      expect(index?.sql).toContain("WHERE role = 'assistant'");
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT model, SUM(cost) FROM messages
           WHERE role = 'assistant' AND model = ? AND created_at >= ? AND created_at < ? GROUP BY model`,
        )
        .all('deepseek-chat', 0, 100) as { detail: string }[];
      expect(plan.map((r) => r.detail).join(' ')).toMatch(/COVERING INDEX messages_usage/);
      expect(
        db
          .prepare(
            "SELECT SUM(cost) AS s FROM messages WHERE role = 'assistant' AND model = 'deepseek-chat'",
          )
          .get(),
      ).toEqual({ s: 0.001 });
    } finally {
      db.close();
    }
  });
});
