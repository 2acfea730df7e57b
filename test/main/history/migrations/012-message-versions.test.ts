import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { TempDir } from '../tempStore';

describe('migration 012 message versions', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('turns each existing conversation into one linear path, and the app then branches it', async () => {
    const db = new Database(dir.file());
    try {
      runMigrations(db, MIGRATIONS.slice(0, 11));
      db.exec(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'one', 0, 0);
        INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c2', 'two', 0, 0);`);
      const insert = db.prepare(
        `INSERT INTO messages (id, conv_pk, role, content, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'complete', ?, 0)`,
      );
      // Inserted out of order, with a tie on created_at (broken by seq, as the app orders them).
      insert.run('c1-a2', 1, 'assistant', 'second answer', 30);
      insert.run('c1-q1', 1, 'user', 'first question', 10);
      insert.run('c2-q1', 2, 'user', 'other question', 10);
      insert.run('c1-a1', 1, 'assistant', 'first answer', 20);
      insert.run('c1-q2', 1, 'user', 'second question', 20);
    } finally {
      db.close();
    }
    copyFileSync(dir.file(), dir.file('copy.sqlite'));
    const copy = new Database(dir.file('copy.sqlite'));
    try {
      runMigrations(copy, MIGRATIONS.slice(0, 12));
      expect(schemaVersion(copy)).toBe(12);
      const rows = copy
        .prepare(
          'SELECT id, parent_id, version_rank, edited_at, deleted_at FROM messages ORDER BY conv_pk, created_at, seq',
        )
        .all();
      expect(rows).toEqual([
        { id: 'c1-q1', parent_id: null, version_rank: 0, edited_at: null, deleted_at: null },
        { id: 'c1-a1', parent_id: 'c1-q1', version_rank: 0, edited_at: null, deleted_at: null },
        { id: 'c1-q2', parent_id: 'c1-a1', version_rank: 0, edited_at: null, deleted_at: null },
        { id: 'c1-a2', parent_id: 'c1-q2', version_rank: 0, edited_at: null, deleted_at: null },
        { id: 'c2-q1', parent_id: null, version_rank: 0, edited_at: null, deleted_at: null },
      ]);
    } finally {
      copy.close();
    }

    // The version-9 file opened by the app: the same path on screen, and a new version branches it.
    const { store } = await dir.open();
    const c1 = store.getConversation('c1');
    expect(store.listMessages('c1').messages.map((m) => m.id)).toEqual([
      'c1-q1',
      'c1-a1',
      'c1-q2',
      'c1-a2',
    ]);
    const again = store.appendMessage({
      conversationId: c1?.id ?? '',
      role: 'assistant',
      content: 'second answer, again',
      parentId: 'c1-q2',
    });
    const page = store.listMessages('c1');
    expect(page.messages.map((m) => m.id)).toEqual(['c1-q1', 'c1-a1', 'c1-q2', again.id]);
    expect(page.versions).toEqual({ [again.id]: ['c1-a2', again.id] });
    store.chooseVersion('c1-a2');
    expect(
      store
        .listMessages('c1')
        .messages.map((m) => m.id)
        .at(-1),
    ).toBe('c1-a2');
    expect(store.search({ query: 'again' }).results.map((r) => r.messageId)).toEqual([again.id]);
  });
});
