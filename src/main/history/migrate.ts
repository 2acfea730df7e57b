import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import type { Db } from './db';
import type { Migration } from './migrations';

/** The history file was written by a newer Fleece: it is left untouched. */
export function historyTooNew(fileVersion: number, appVersion: number): FleeceError {
  return new FleeceError('history_too_new', {
    params: { fileVersion, appVersion },
    hint: coded('hint_update_app'),
  });
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs the pending migrations, each in its own transaction with its `user_version` bump. */
export function runMigrations(db: Db, migrations: readonly Migration[]): number {
  let version = schemaVersion(db);
  const latest = migrations.length;
  if (version > latest) throw historyTooNew(version, latest);
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
