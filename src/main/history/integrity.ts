import type { Db } from './db';

/**
 * Measured on the 2-core VM (bench/history.bench.ts): `PRAGMA quick_check` — every page and
 * record, and since SQLite 3.44 FTS5's own index check too — takes ~1.7 s on a 92 MB file
 * (100k messages) and 5–6 s on 779 MB (1M messages). The open budget is 200 ms, and no task of
 * the main process may take over 50 ms. Hence two tiers: files up to
 * FULL_CHECK_AT_OPEN_MAX_BYTES (≈ 40 ms of checking) get the whole check at open; larger ones
 * get the bounded `openCheck` at open and the whole check in a worker thread (verifyInWorker.ts,
 * via HistoryStore.verifyInBackground).
 */
export const FULL_CHECK_AT_OPEN_MAX_BYTES = 2 * 1024 * 1024;

/** SQLite's own verdict of damage; anything else (busy, unreadable, read-only) is not damage. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
  );
}

/** The reason for damage; any other failure is rethrown so a healthy file is never moved aside. */
function reasonOf(error: unknown): string {
  if (!isCorruption(error)) throw error;
  return error instanceof Error ? error.message : String(error);
}

/** The whole-file check. Null when sound, otherwise the reason. Throws what is not damage. */
export function fullCheck(db: Db): string | null {
  try {
    const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length === 0 ? null : problems.join('; ');
  } catch (error) {
    return reasonOf(error);
  }
}

/**
 * Bounded (measured ~1–3 ms at 1M messages; `quick_check(conversations)` alone took 20+ ms):
 * the header and schema (a file that is not a database fails here), a walk of the conversation
 * table and its list index (what the first screen reads), the newest messages with their text
 * (a truncated or torn tail shows up there first) and the search index's structure record.
 * Reading a damaged b-tree page raises SQLITE_CORRUPT, which becomes the reason.
 */
export function openCheck(db: Db): string | null {
  try {
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all(),
    );
    if (tables.has('conversations')) {
      db.prepare('SELECT count(*), sum(length(title)), sum(length(id)) FROM conversations').get();
      db.prepare(
        'SELECT count(*) FROM conversations INDEXED BY conversations_list WHERE deleted_at IS NULL AND pinned >= 0',
      ).get();
    }
    if (tables.has('messages')) {
      db.prepare(
        'SELECT length(content) + length(reasoning) FROM messages ORDER BY seq DESC LIMIT 200',
      ).all();
    }
    if (tables.has('message_search_data')) {
      db.prepare('SELECT length(block) FROM message_search_data WHERE id = 10').all();
    }
    return null;
  } catch (error) {
    return reasonOf(error);
  }
}
