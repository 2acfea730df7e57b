import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../../src/main/history/migrations';
import { foldForIndex } from '../../../../src/shared/rules/searchText';
import { TempDir } from '../tempStore';

describe('migration 008 search chunks', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('queues long messages indexed whole, which are then indexed in chunks and still found', async () => {
    const long = `${'Tiết kiệm điện thế nào? 中转站 '.repeat(20_000)} last wombat`;
    const db = new Database(dir.file());
    try {
      runMigrations(db, MIGRATIONS.slice(0, 7));
      db.exec(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', '', 0, 0);
        INSERT INTO conversations (id, title, created_at, updated_at, deleted_at)
          VALUES ('c2', '', 0, 0, 5);`);
      const insert = db.prepare(
        `INSERT INTO messages (id, conv_pk, role, content, status, created_at, updated_at)
         VALUES (?, ?, 'user', ?, ?, ?, 0)`,
      );
      const index = db.prepare('INSERT INTO message_search (rowid, body) VALUES (?, ?)');
      const rows: [string, number, string, string][] = [
        ['short', 1, 'a short wombat', 'complete'],
        ['bytes', 1, `${'中文'.repeat(1500)} quokka`, 'complete'], // 9 kB of UTF-8, 3,000 characters
        ['long', 1, long, 'complete'],
        ['streaming', 1, long, 'streaming'],
        ['trashed', 2, long, 'complete'],
      ];
      rows.forEach(([id, conv, content, status], i) => {
        const seq = Number(insert.run(id, conv, content, status, i).lastInsertRowid);
        if (id === 'short' || id === 'long' || id === 'bytes')
          index.run(seq, foldForIndex(content));
      });
    } finally {
      db.close();
    }
    copyFileSync(dir.file(), dir.file('copy.sqlite'));
    const copy = new Database(dir.file('copy.sqlite'));
    try {
      runMigrations(copy, MIGRATIONS.slice(0, 8));
      expect(schemaVersion(copy)).toBe(8);
      expect(copy.prepare('SELECT seq FROM search_pending').pluck().all()).toEqual([2, 3]);
    } finally {
      copy.close();
    }

    // The version-7 file opened by the app: migrated, then the long message re-indexed in slices.
    const { store } = await dir.open();
    await store.searchIndexed();
    const hits = store.search({ query: 'wombat' }).results;
    // The answer a crash left streaming is now interrupted, so it is indexed (in chunks) too.
    expect(hits.map((r) => r.messageId)).toEqual(['streaming', 'long', 'short']);
    expect(hits[1]?.snippet.endsWith('last wombat')).toBe(true);
    const whole = store.db
      .prepare(
        "SELECT rowid FROM message_search WHERE message_search MATCH 'wombat' AND rowid < 100",
      )
      .pluck()
      .all();
    expect(whole).toEqual([1]); // the long message's whole-text row is gone
    expect(store.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    // Queued by its size in bytes, but short in characters: it keeps its one row (rowid = seq).
    const quokka = store.db
      .prepare("SELECT rowid FROM message_search WHERE message_search MATCH 'quokka'")
      .pluck()
      .all();
    expect(quokka).toEqual([2]);
    expect(store.search({ query: 'quokka' }).results.map((r) => r.messageId)).toEqual(['bytes']);
  });
});
