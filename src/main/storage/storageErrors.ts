import type { AppError } from '../../shared/result';

/**
 * Stable codes for "the disk refused a write". The renderer translates each (with the fix);
 * main's messages stay English for the log.
 */
export const STORAGE_ERROR_CODES = [
  'storage_full',
  'storage_read_only',
  'storage_denied',
  'storage_io',
] as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

/**
 * SQLite reports extended codes (`SQLITE_IOERR_WRITE`, `SQLITE_READONLY_DBMOVED`…); Node reports
 * errno names. A full disk can also surface as an I/O error whose text names ENOSPC.
 */
export function storageErrorCode(error: unknown): StorageErrorCode | null {
  if (typeof error !== 'object' || error === null) return null;
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  const message = error instanceof Error ? error.message : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'storage_full';
  if (/\b(ENOSPC|database or disk is full)\b/i.test(message)) return 'storage_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'storage_read_only';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM') return 'storage_denied';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'storage_io';
  return null;
}

const MESSAGES: Record<StorageErrorCode, string> = {
  storage_full: 'The disk is full, so Fleece could not save.',
  storage_read_only: 'The data folder is read-only, so Fleece could not save.',
  storage_denied: 'Fleece is not allowed to write to its data folder.',
  storage_io: 'The disk reported an error while Fleece was saving.',
};

/** A write the disk refused, with a stable code. Unsaved chat text stays in memory meanwhile. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    readonly path: string | null,
    options: { cause?: unknown } = {},
  ) {
    super(MESSAGES[code], options);
  }

  static from(error: unknown, path: string | null = null): StorageError | null {
    if (error instanceof StorageError) return error;
    const code = storageErrorCode(error);
    return code === null ? null : new StorageError(code, path, { cause: error });
  }

  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.path === null ? {} : { details: { path: this.path } }),
    };
  }
}
