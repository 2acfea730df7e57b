import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './db';

/** A filename-safe UTC timestamp that sorts chronologically: 2025-01-31T12-00-00-000Z. */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/**
 * Moves a damaged database and its -wal/-shm aside (never deletes them). The companions keep
 * the new name as prefix so SQLite would pair them again if someone tries to salvage the file.
 */
export function moveAside(path: string, stamp: string): string {
  const target = `${path}.damaged-${stamp}`;
  renameSync(path, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

/** Online backup beside the file (readers/writers may continue), then keep only the newest `keep`. */
export async function backupBeside(
  db: Db,
  path: string,
  label: string,
  stamp: string,
  keep: number,
): Promise<string> {
  const target = `${path}.backup-${stamp}-${label}`;
  await db.backup(target);
  pruneBackups(path, keep);
  return target;
}

export function listBackups(path: string): string[] {
  const prefix = `${basename(path)}.backup-`;
  const dir = dirname(path);
  // The stamp follows the prefix, so name order is chronological.
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && !/-(journal|wal|shm)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function pruneBackups(path: string, keep: number): void {
  const backups = listBackups(path);
  for (const old of backups.slice(0, Math.max(0, backups.length - keep)))
    rmSync(old, { force: true });
}
