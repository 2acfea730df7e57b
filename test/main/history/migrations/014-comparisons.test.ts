import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { TempDir } from '../tempStore';

describe('migration 014 comparisons', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('adds comparisons and their answers, which go with their conversation and their messages', () => {
    const db = new Database(dir.file());
    db.pragma('foreign_keys = ON');
    try {
      runMigrations(db, MIGRATIONS.slice(0, 13));
      db.exec(`
        INSERT INTO conversations (pk, id, title, created_at, updated_at) VALUES (1, 'c1', 'Old', 0, 0);
        INSERT INTO messages (seq, id, conv_pk, role, status, created_at, updated_at) VALUES
          (1, 'q', 1, 'user', 'complete', 1, 1),
          (2, 'a1', 1, 'assistant', 'complete', 2, 2),
          (3, 'a2', 1, 'assistant', 'complete', 3, 3);
      `);
      runMigrations(db, MIGRATIONS.slice(0, 14));
      expect(schemaVersion(db)).toBe(14);
      // What was there is untouched.
      expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(3);
      expect(db.prepare('SELECT count(*) FROM comparisons').pluck().get()).toBe(0);

      db.exec(`
        INSERT INTO comparisons (pk, id, conv_pk, question_seq, kept_seq, kept_at, created_at)
          VALUES (1, 'k1', 1, 1, 3, 10, 5);
        INSERT INTO comparison_answers (comparison_pk, position, message_seq) VALUES (1, 0, 2), (1, 1, 3);
      `);
      expect(() =>
        db.exec(
          "INSERT INTO comparisons (id, conv_pk, question_seq, created_at) VALUES ('k2', 1, 99, 5)",
        ),
      ).toThrow(/FOREIGN KEY constraint failed/);
      expect(() =>
        db.exec(
          "INSERT INTO comparisons (id, conv_pk, question_seq, created_at) VALUES ('k3', 1, 1, 'now')",
        ),
      ).toThrow(/cannot store TEXT value in INTEGER column/);
      expect(() =>
        db.exec(
          'INSERT INTO comparison_answers (comparison_pk, position, message_seq) VALUES (1, 0, 3)',
        ),
      ).toThrow(/UNIQUE constraint failed/);

      // The kept answer deleted: the comparison stays, kept (kept_at), with its other answer.
      db.exec('DELETE FROM messages WHERE seq = 3');
      expect(db.prepare('SELECT kept_seq, kept_at FROM comparisons').get()).toEqual({
        kept_seq: null,
        kept_at: 10,
      });
      expect(db.prepare('SELECT message_seq FROM comparison_answers').pluck().all()).toEqual([2]);
      // The question deleted: the comparison goes.
      db.exec('DELETE FROM messages WHERE seq = 1');
      expect(db.prepare('SELECT count(*) FROM comparisons').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM comparison_answers').pluck().get()).toBe(0);

      // A conversation purged takes its comparisons.
      db.exec(`
        INSERT INTO messages (seq, id, conv_pk, role, status, created_at, updated_at)
          VALUES (4, 'q2', 1, 'user', 'complete', 4, 4);
        INSERT INTO comparisons (pk, id, conv_pk, question_seq, created_at) VALUES (2, 'k4', 1, 4, 6);
        INSERT INTO comparison_answers (comparison_pk, position, message_seq) VALUES (2, 0, 2);
        DELETE FROM conversations WHERE pk = 1;
      `);
      expect(db.prepare('SELECT count(*) FROM comparisons').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM comparison_answers').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('serves its lookups from indexes', () => {
    const db = new Database(dir.file());
    try {
      runMigrations(db, MIGRATIONS.slice(0, 14));
      const plan = (sql: string): string =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
          .map((r) => r.detail)
          .join('\n');
      expect(plan('SELECT pk FROM comparisons WHERE conv_pk = 1 AND kept_at IS NULL')).toMatch(
        /USING INDEX comparisons_pending/,
      );
      expect(plan('SELECT pk FROM comparisons ORDER BY created_at DESC, pk DESC LIMIT 5')).toMatch(
        /SCAN comparisons USING (COVERING )?INDEX comparisons_recent/,
      );
      expect(plan('SELECT pk FROM comparisons WHERE question_seq = 1')).toMatch(
        /comparisons_question/,
      );
      expect(plan('SELECT pk FROM comparisons WHERE kept_seq = 1')).toMatch(/comparisons_kept/);
      expect(plan('SELECT comparison_pk FROM comparison_answers WHERE message_seq = 1')).toMatch(
        /comparison_answers_message/,
      );
    } finally {
      db.close();
    }
  });
});
