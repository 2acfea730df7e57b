import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { attachments } from '../../../../src/main/history/migrations/010-attachments';
import { TempDir } from '../tempStore';

const UP_TO_9 = MIGRATIONS.slice(0, 9);
const HASH = 'a'.repeat(64);

function fileAtVersion9(path: string): void {
  const db = new Database(path);
  try {
    runMigrations(db, UP_TO_9);
    db.prepare(
      "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old', 0, 0)",
    ).run();
    db.prepare(
      `INSERT INTO messages (id, conv_pk, role, content, status, created_at, updated_at)
       VALUES ('m1', 1, 'user', 'an old question', 'complete', 0, 0)`,
    ).run();
  } finally {
    db.close();
  }
}

describe('migration 010 attachments', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('adds messages.attachments (JSON, [] for existing rows) and the file, link and search tables', () => {
    expect(MIGRATIONS[9]).toBe(attachments);
    fileAtVersion9(dir.file());
    const db = new Database(dir.file());
    try {
      db.pragma('foreign_keys = ON');
      runMigrations(db, [...UP_TO_9, attachments]);
      expect(schemaVersion(db)).toBe(10);
      expect(db.prepare("SELECT attachments FROM messages WHERE id = 'm1'").pluck().get()).toBe(
        '[]',
      );
      // A link needs its file row, and goes with its message.
      expect(() =>
        db
          .prepare(
            "INSERT INTO message_attachments (message_seq, position, hash, name) VALUES (1, 0, ?, 'x.png')",
          )
          .run(HASH),
      ).toThrow(/FOREIGN KEY/);
      db.prepare(
        "INSERT INTO attachments (hash, kind, mime, size, created_at) VALUES (?, 'image', 'image/png', 10, 0)",
      ).run(HASH);
      db.prepare(
        "INSERT INTO message_attachments (message_seq, position, hash, name) VALUES (1, 0, ?, 'x.png')",
      ).run(HASH);
      expect(() =>
        db
          .prepare(
            "INSERT INTO attachments (hash, kind, mime, size, created_at) VALUES ('b', 'svg', 'image/svg+xml', 1, 0)",
          )
          .run(),
      ).toThrow(/CHECK constraint/);
      db.prepare("DELETE FROM messages WHERE id = 'm1'").run();
      expect(db.prepare('SELECT count(*) FROM message_attachments').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('an existing version-9 file opens with its messages read as before, without attachments', async () => {
    fileAtVersion9(dir.file());
    const { store } = await dir.open();
    expect(store.getMessage('m1')).toMatchObject({ content: 'an old question', attachments: [] });
  });
});
