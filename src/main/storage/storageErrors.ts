import { FleeceError, isFleeceError } from '../errors/FleeceError';

/**
 * Stable codes for "the disk refused a write". The renderer translates each (with the fix).
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

/** A write the disk refused, with a stable code. Unsaved chat text stays in memory meanwhile. */
export type StorageFailure = FleeceError & { readonly code: StorageErrorCode };

export function isStorageFailure(error: unknown): error is StorageFailure {
  return isFleeceError(error) && (STORAGE_ERROR_CODES as readonly string[]).includes(error.code);
}

/** The coded failure for a refused write, or null when `error` is not the disk refusing. */
export function storageFailure(error: unknown, path: string | null = null): StorageFailure | null {
  if (isStorageFailure(error)) return error;
  const code = storageErrorCode(error);
  if (code === null) return null;
  return new FleeceError(code, {
    ...(path === null ? {} : { details: { path } }),
    cause: error,
  }) as StorageFailure;
}
