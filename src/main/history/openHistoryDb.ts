import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryNotice } from '../../shared/types/history';
import type { Db } from './db';
import { backupBeside, fileStamp, moveAside } from './fileSafety';
import { FULL_CHECK_AT_OPEN_MAX_BYTES, fullCheck, isCorruption, openCheck } from './integrity';
import { historyTooNew, runMigrations, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

export const HISTORY_FILE = 'history.sqlite';

export interface OpenHistoryOptions {
  dataDir: string;
  fileName?: string;
  now?: () => number;
  /** Tests pass a shorter list to migrate step by step. */
  migrations?: readonly Migration[];
  /** Backups kept beside the file (default 3). */
  keepBackups?: number;
  /** Files up to this size (with their WAL) get the whole integrity check at open. */
  fullCheckAtOpenMaxBytes?: number;
  /**
   * Browse only (a history written by a newer Fleece): opened read-only, nothing migrated,
   * checked or moved; every write fails with a read-only storage error.
   */
  readOnly?: boolean;
}

export interface OpenedHistoryDb {
  db: Db;
  path: string;
  notices: HistoryNotice[];
  /** False when only the bounded check ran: call `HistoryStore.verifyInBackground()`. */
  fullyChecked: boolean;
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL: a commit survives a crash of the app (not of the OS); no fsync per commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Checked before SQLite touches the file, so a foreign file and its companions stay exactly as found. */
function headerProblem(path: string): string | null {
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(SQLITE_MAGIC) ? null : 'file is not a database';
  } finally {
    closeSync(fd);
  }
}

/** Moves a damaged file aside and returns the notice that tells the user where it went. */
export function moveDamagedAside(path: string, reason: string, now: number): HistoryNotice {
  return { kind: 'history_recovered', movedTo: moveAside(path, fileStamp(now)), reason };
}

export async function openHistoryDb(options: OpenHistoryOptions): Promise<OpenedHistoryDb> {
  const now = options.now ?? Date.now;
  const migrations = options.migrations ?? MIGRATIONS;
  mkdirSync(options.dataDir, { recursive: true });
  const path = join(options.dataDir, options.fileName ?? HISTORY_FILE);
  const notices: HistoryNotice[] = [];

  if (options.readOnly) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return { db, path, notices, fullyChecked: true };
  }

  const bytes = sizeOf(path) + sizeOf(`${path}-wal`);
  const fullyChecked = bytes <= (options.fullCheckAtOpenMaxBytes ?? FULL_CHECK_AT_OPEN_MAX_BYTES);
  let db: Db | undefined;
  if (sizeOf(path) > 0) {
    let reason: string | null;
    try {
      reason = headerProblem(path);
      if (reason === null) {
        db = new Database(path);
        reason = fullyChecked ? fullCheck(db) : openCheck(db);
      }
    } catch (error) {
      // Only damage moves a file aside: a locked, unreadable or read-only file is the user's
      // to fix (start-up says how), and moving it would hide their history.
      if (!isCorruption(error)) {
        db?.close();
        throw error;
      }
      reason = error instanceof Error ? error.message : String(error);
    }
    if (reason !== null) {
      db?.close();
      db = undefined;
      notices.push(moveDamagedAside(path, reason, now()));
    }
  }
  db ??= new Database(path);

  try {
    // Before configure(): switching to WAL rewrites the header of a file we must leave alone.
    const version = schemaVersion(db);
    if (version > migrations.length) throw historyTooNew(version, migrations.length);
    configure(db);
    if (version > 0 && version < migrations.length) {
      const backup = await backupBeside(
        db,
        path,
        `v${version}`,
        fileStamp(now()),
        options.keepBackups ?? 3,
      );
      runMigrations(db, migrations);
      notices.push({
        kind: 'history_migrated',
        fromVersion: version,
        toVersion: migrations.length,
        backup,
      });
    } else {
      runMigrations(db, migrations);
    }
    return { db, path, notices, fullyChecked };
  } catch (error) {
    db.close();
    throw error;
  }
}
