import {
  closeSync,
  constants,
  existsSync,
  accessSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
  fsyncSync,
} from 'node:fs';
import { join } from 'node:path';
import { isFleeceError } from '../errors/FleeceError';

/**
 * What can stop Fleece at start, each with a stable code (texts in startupTexts.ts), the path it
 * concerns and the underlying cause for the log and the "details" line.
 */
export type StartupProblemCode =
  | 'history_too_new'
  | 'data_read_only'
  | 'data_not_writable'
  | 'data_owned_by_other'
  | 'data_disk_full'
  | 'start_failed';

export interface StartupProblem {
  code: StartupProblemCode;
  path: string;
  /** The system's own words (an errno code, SQLite's message): shown as a detail, logged. */
  cause: string;
}

/** Files Fleece writes at start; one owned by another user (after a `sudo` run) blocks it. */
const DATA_FILES = [
  'history.sqlite',
  'history.sqlite-wal',
  'history.sqlite-shm',
  'settings.json',
  'models-cache.json',
];

function errnoOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function ownedByOther(path: string): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return false;
  try {
    return statSync(path).uid !== uid;
  } catch {
    return false;
  }
}

function fromErrno(error: unknown, path: string): StartupProblem {
  const code = errnoOf(error);
  const cause = `${code || 'error'}: ${error instanceof Error ? error.message : String(error)}`;
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY'))
    return { code: 'data_read_only', path, cause };
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return { code: 'data_disk_full', path, cause };
  if (ownedByOther(path)) return { code: 'data_owned_by_other', path, cause };
  return { code: 'data_not_writable', path, cause };
}

/**
 * Checked before anything opens: the data folder exists and takes a real write (a probe file,
 * written, synced and removed), and no file Fleece must write belongs to another user.
 */
export function checkDataDir(dataDir: string): StartupProblem | null {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    return fromErrno(error, dataDir);
  }
  const probe = join(dataDir, `.write-check-${process.pid}`);
  try {
    const fd = openSync(probe, 'w');
    try {
      writeSync(fd, 'ok');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    rmSync(probe, { force: true });
  } catch (error) {
    rmSync(probe, { force: true });
    return fromErrno(error, dataDir);
  }
  for (const name of DATA_FILES) {
    const file = join(dataDir, name);
    if (!existsSync(file)) continue;
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch (error) {
      return fromErrno(error, file);
    }
  }
  return null;
}

/** Why composing the services failed, for the user (never a silent exit). */
export function classifyStartupError(error: unknown, dataDir: string): StartupProblem {
  if (isFleeceError(error) && error.code === 'history_too_new')
    return {
      code: 'history_too_new',
      path: join(dataDir, 'history.sqlite'),
      cause: error.message,
    };
  const code = errnoOf(error);
  if (/^(E[A-Z]+|SQLITE_(READONLY|CANTOPEN|FULL|PERM|IOERR)\w*)$/.test(code)) {
    const path =
      typeof (error as { path?: unknown }).path === 'string'
        ? (error as { path: string }).path
        : dataDir;
    return fromErrno(error, path);
  }
  return {
    code: 'start_failed',
    path: dataDir,
    cause: error instanceof Error ? error.message : String(error),
  };
}
