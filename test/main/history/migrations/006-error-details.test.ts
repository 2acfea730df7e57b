import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { errorDetails } from '../../../../src/main/history/migrations/006-error-details';
import { TempDir } from '../tempStore';

const UP_TO_5 = MIGRATIONS.slice(0, 5);

function fileAtVersion5(path: string): void {
  const db = new Database(path);
  try {
    runMigrations(db, UP_TO_5);
    db.prepare(
      "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old', 0, 0)",
    ).run();
    db.prepare(
      `INSERT INTO messages (id, conv_pk, role, content, status, error_kind, error_message, created_at, updated_at)
       VALUES ('m1', 1, 'assistant', '', 'error', 'rate_limited', 'The relay is limiting requests', 0, 0)`,
    ).run();
  } finally {
    db.close();
  }
}

describe('migration 006 error details', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('adds a nullable text error_hint and integer retry_after_ms, existing rows left null', () => {
    expect(MIGRATIONS[5]).toBe(errorDetails);
    fileAtVersion5(dir.file());
    const db = new Database(dir.file());
    try {
      runMigrations(db, [...UP_TO_5, errorDetails]);
      expect(schemaVersion(db)).toBe(6);
      const columns = (
        db.prepare('SELECT name, type, "notnull" FROM pragma_table_info(?)').all('messages') as {
          name: string;
          type: string;
          notnull: number;
        }[]
      ).filter((c) => c.name === 'error_hint' || c.name === 'retry_after_ms');
      expect(columns).toEqual([
        { name: 'error_hint', type: 'TEXT', notnull: 0 },
        { name: 'retry_after_ms', type: 'INTEGER', notnull: 0 },
      ]);
      expect(
        db.prepare("SELECT error_hint, retry_after_ms FROM messages WHERE id = 'm1'").get(),
      ).toEqual({
        error_hint: null,
        retry_after_ms: null,
      });
      expect(() => db.prepare("UPDATE messages SET retry_after_ms = 'later'").run()).toThrow(
        /cannot store TEXT value in INTEGER column/,
      );
    } finally {
      db.close();
    }
  });

  it('an existing version-5 file opens with the failed answer read as before, hint and wait null', async () => {
    fileAtVersion5(dir.file());
    const { store } = await dir.open();
    expect(store.getMessage('m1')).toMatchObject({
      status: 'error',
      errorKind: 'rate_limited',
      errorMessage: 'The relay is limiting requests',
      errorHint: null,
      retryAfterMs: null,
    });
  });
});
