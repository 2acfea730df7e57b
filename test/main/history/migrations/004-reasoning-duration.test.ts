import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { conversations } from '../../../../src/main/history/migrations/001-conversations';
import { messages } from '../../../../src/main/history/migrations/002-messages';
import { searchIndex } from '../../../../src/main/history/migrations/003-search-index';
import { reasoningDuration } from '../../../../src/main/history/migrations/004-reasoning-duration';
import { TempDir } from '../tempStore';

const UP_TO_3 = [conversations, messages, searchIndex];

function fileAtVersion3(path: string): void {
  const db = new Database(path);
  try {
    runMigrations(db, UP_TO_3);
    db.prepare(
      "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old', 0, 0)",
    ).run();
    db.prepare(
      `INSERT INTO messages (id, conv_pk, role, content, reasoning, status, duration_ms, created_at, updated_at)
       VALUES ('m1', 1, 'assistant', 'Answer', 'Hmm…', 'complete', 900, 0, 0)`,
    ).run();
  } finally {
    db.close();
  }
}

describe('migration 004 reasoning duration', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('adds a nullable integer reasoning_ms to messages, existing rows left null', () => {
    fileAtVersion3(dir.file());
    const db = new Database(dir.file());
    try {
      runMigrations(db, [...UP_TO_3, reasoningDuration]);
      expect(schemaVersion(db)).toBe(4);
      const column = (
        db.prepare('SELECT name, type, "notnull" FROM pragma_table_info(?)').all('messages') as {
          name: string;
          type: string;
          notnull: number;
        }[]
      ).find((c) => c.name === 'reasoning_ms');
      expect(column).toEqual({ name: 'reasoning_ms', type: 'INTEGER', notnull: 0 });
      expect(db.prepare("SELECT reasoning_ms FROM messages WHERE id = 'm1'").pluck().get()).toBe(
        null,
      );
      db.prepare("UPDATE messages SET reasoning_ms = 4200 WHERE id = 'm1'").run();
      expect(() => db.prepare("UPDATE messages SET reasoning_ms = 'soon'").run()).toThrow(
        /cannot store TEXT value in INTEGER column/,
      );
    } finally {
      db.close();
    }
  });

  it('an existing version-3 file is backed up, migrated, and its answers read with reasoningMs null', async () => {
    expect(MIGRATIONS[3]?.name).toBe('reasoning-duration');
    fileAtVersion3(dir.file());
    const { store, notices } = await dir.open();
    const notice = notices.find((n) => n.kind === 'history_migrated');
    expect(notice).toMatchObject({ fromVersion: 3, toVersion: MIGRATIONS.length });
    if (notice?.kind !== 'history_migrated') throw new Error('no migration notice');
    expect(existsSync(notice.backup)).toBe(true);
    const backup = new Database(notice.backup, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(3);
    backup.close();
    expect(store.getMessage('m1')).toMatchObject({
      content: 'Answer',
      reasoning: 'Hmm…',
      durationMs: 900,
      reasoningMs: null,
    });
  });
});
