import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { TempDir } from '../tempStore';

describe('migration 013 context turns and extra usage', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('adds a nullable integer context_turns to conversations, existing rows left without a limit', () => {
    const db = new Database(dir.file());
    try {
      runMigrations(db, MIGRATIONS.slice(0, 12));
      db.exec(
        "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old', 0, 0)",
      );
      runMigrations(db, MIGRATIONS.slice(0, 13));
      expect(schemaVersion(db)).toBe(13);
      const column = (
        db
          .prepare('SELECT name, type, "notnull" FROM pragma_table_info(?)')
          .all('conversations') as { name: string; type: string; notnull: number }[]
      ).find((c) => c.name === 'context_turns');
      expect(column).toEqual({ name: 'context_turns', type: 'INTEGER', notnull: 0 });
      expect(
        db.prepare("SELECT context_turns FROM conversations WHERE id = 'c1'").pluck().get(),
      ).toBe(null);
      db.prepare("UPDATE conversations SET context_turns = 6 WHERE id = 'c1'").run();
      expect(
        db.prepare("SELECT context_turns FROM conversations WHERE id = 'c1'").pluck().get(),
      ).toBe(6);
      db.prepare(
        `INSERT INTO extra_usage (kind, conversation_id, model, profile_id, created_at, prompt_tokens,
           completion_tokens, cost) VALUES ('title', 'c1', 'gpt-4o-mini', NULL, 5, 100, 7, 0.001)`,
      ).run();
      expect(
        db
          .prepare('SELECT prompt_tokens, completion_tokens, tokens_estimated FROM extra_usage')
          .get(),
      ).toEqual({ prompt_tokens: 100, completion_tokens: 7, tokens_estimated: 0 });
      expect(() =>
        db
          .prepare(
            `INSERT INTO extra_usage (kind, conversation_id, created_at, prompt_tokens, completion_tokens)
             VALUES ('title', 'c1', 5, 'many', 1)`,
          )
          .run(),
      ).toThrow(/cannot store TEXT value in INTEGER column/);
      expect(() =>
        db
          .prepare(
            `INSERT INTO extra_usage (kind, conversation_id, created_at, prompt_tokens, completion_tokens)
             VALUES ('answer', 'c1', 5, 1, 1)`,
          )
          .run(),
      ).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});
