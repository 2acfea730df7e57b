import type { Db } from './db';
import type { Migration } from './migrations';

export class HistoryTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `The history file was written by a newer Fleece (schema ${fileVersion}, this app knows ${appVersion}). ` +
        'Update Fleece to open it; the file was left untouched.',
    );
    this.name = 'HistoryTooNewError';
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs the pending migrations, each in its own transaction with its `user_version` bump. */
export function runMigrations(db: Db, migrations: readonly Migration[]): number {
  let version = schemaVersion(db);
  const latest = migrations.length;
  if (version > latest) throw new HistoryTooNewError(version, latest);
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    if (migration.version !== version + 1) {
      throw new Error(
        `Migration ${migration.name} is numbered ${migration.version}, expected ${version + 1}`,
      );
    }
    db.transaction(() => {
      migration.up(db);
      // PRAGMA takes no bound parameters; the value is our own integer.
      db.pragma(`user_version = ${migration.version}`);
    })();
    version = migration.version;
  }
  return version;
}
