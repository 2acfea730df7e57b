import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/history/migrations';
import type { Migration } from '../../../src/main/history/migrations';
import { TempDir } from './tempStore';

describe('opening the history file', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('creates history.sqlite in the data dir with WAL, synchronous=NORMAL and foreign keys', async () => {
    const { store, notices, fullyChecked } = await dir.open();
    expect(store.path).toBe(dir.file());
    expect(existsSync(dir.file())).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(notices).toEqual([]);
    expect(fullyChecked).toBe(true);
  });

  it('backs up an existing file beside it before migrating, keeping the last three', async () => {
    const step = (n: number): Migration => ({
      version: MIGRATIONS.length + n,
      name: `test-${n}`,
      up: (db) => db.exec(`CREATE TABLE extra_${n} (x INTEGER)`),
    });
    let clock = Date.UTC(2025, 0, 1);
    const now = () => (clock += 60_000);
    let opened = await dir.open({ now });
    opened.store.createConversation({ title: 'keep me' });
    opened.store.close();
    const backups: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const migrations = [...MIGRATIONS, ...Array.from({ length: n }, (_, i) => step(i + 1))];
      opened = await dir.open({ now, migrations });
      const notice = opened.notices.find((x) => x.kind === 'history_migrated');
      expect(notice).toMatchObject({
        fromVersion: MIGRATIONS.length + n - 1,
        toVersion: migrations.length,
      });
      if (notice?.kind === 'history_migrated') backups.push(notice.backup);
      opened.store.close();
    }
    const kept = readdirSync(dir.path).filter((f) => f.includes('.backup-'));
    expect(kept.sort()).toEqual(
      backups
        .slice(1)
        .map((b) => b.split('/').pop())
        .sort(),
    );
    // A backup is a complete database holding the data as it was before that migration.
    const latest = new Database(backups[3] ?? '', { readonly: true });
    expect(latest.prepare('SELECT title FROM conversations').pluck().all()).toEqual(['keep me']);
    expect(latest.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 3);
    latest.close();
  });

  it('refuses a file from a newer app and leaves it untouched', async () => {
    const db = new Database(dir.file());
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const before = readFileSync(dir.file());
    await expect(dir.open()).rejects.toMatchObject({ code: 'history_too_new' });
    expect(readFileSync(dir.file()).equals(before)).toBe(true);
  });
});
