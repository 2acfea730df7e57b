import type { AttachmentKind, AttachmentRef } from '../../shared/attachment';
import { foldForIndex } from '../../shared/rules/searchText';
import { stmt, type Db } from './db';

/** One stored file (see migration 010): what it is and the text the model and search get. */
export interface AttachmentRecord {
  hash: string;
  kind: AttachmentKind;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  text: string | null;
  note: string | null;
}

/** How much of a file's text goes into the search index (a name and 100 k characters). */
const INDEX_CHARS = 100_000;

export function recordAttachment(db: Db, a: AttachmentRecord, now: number): void {
  stmt(
    db,
    `INSERT OR IGNORE INTO attachments (hash, kind, mime, size, width, height, text, note, created_at)
     VALUES (@hash, @kind, @mime, @size, @width, @height, @text, @note, @created_at)`,
  ).run({ ...a, created_at: now });
}

export function attachmentRecord(db: Db, hash: string): AttachmentRecord | undefined {
  return stmt(
    db,
    'SELECT hash, kind, mime, size, width, height, text, note FROM attachments WHERE hash = ?',
  ).get(hash) as AttachmentRecord | undefined;
}

/** Links a new message to its files (those recorded; a reference to an unknown file stays unlinked). */
export function linkAttachments(db: Db, seq: number, refs: readonly AttachmentRef[]): void {
  refs.forEach((ref, position) => {
    if (!stmt(db, 'SELECT 1 FROM attachments WHERE hash = ?').get(ref.hash)) return;
    stmt(
      db,
      'INSERT INTO message_attachments (message_seq, position, hash, name) VALUES (?, ?, ?, ?)',
    ).run(seq, position, ref.hash, ref.name);
  });
}

interface LinkRow {
  id: number;
  name: string;
  text: string | null;
}

function linksOf(db: Db, seq: number): LinkRow[] {
  return stmt(
    db,
    `SELECT l.id, l.name, a.text FROM message_attachments l JOIN attachments a ON a.hash = l.hash
     WHERE l.message_seq = ? ORDER BY l.position`,
  ).all(seq) as LinkRow[];
}

/** What search reads of a linked file: its name, then its text. */
export function attachmentSearchText(name: string, text: string | null): string {
  return text ? `${name}\n${text.slice(0, INDEX_CHARS)}` : name;
}

export function indexAttachments(db: Db, seq: number): void {
  for (const link of linksOf(db, seq)) {
    stmt(db, 'INSERT OR REPLACE INTO attachment_search (rowid, body) VALUES (?, ?)').run(
      link.id,
      foldForIndex(attachmentSearchText(link.name, link.text)),
    );
  }
}

export function unindexAttachments(db: Db, seq: number): void {
  const ids = stmt(db, 'SELECT id FROM message_attachments WHERE message_seq = ?')
    .pluck()
    .all(seq) as number[];
  for (const id of ids) stmt(db, 'DELETE FROM attachment_search WHERE rowid = ?').run(id);
}

/** The link a search hit points at: its message and what to cut the snippet from. */
export function searchedLink(
  db: Db,
  id: number,
): { seq: number; name: string; text: string | null } | undefined {
  return stmt(
    db,
    `SELECT l.message_seq AS seq, l.name, a.text FROM message_attachments l
     JOIN attachments a ON a.hash = l.hash WHERE l.id = ?`,
  ).get(id) as { seq: number; name: string; text: string | null } | undefined;
}

/** Files no message links to any more (deleted for good), except those still being composed. */
export function unusedAttachments(db: Db, keep: ReadonlySet<string>): string[] {
  const hashes = stmt(
    db,
    `SELECT a.hash FROM attachments a
     WHERE NOT EXISTS (SELECT 1 FROM message_attachments l WHERE l.hash = a.hash)`,
  )
    .pluck()
    .all() as string[];
  return hashes.filter((h) => !keep.has(h));
}

/** Removes the rows of unused files; returns those removed (their files may go). */
export function forgetAttachments(db: Db, hashes: readonly string[]): string[] {
  const gone: string[] = [];
  for (const hash of hashes) {
    // Checked again inside the deleting transaction: a message may have linked it meanwhile.
    if (stmt(db, 'SELECT 1 FROM message_attachments WHERE hash = ? LIMIT 1').get(hash)) continue;
    stmt(db, 'DELETE FROM attachments WHERE hash = ?').run(hash);
    gone.push(hash);
  }
  return gone;
}

/** Every recorded file's hash (the export's list of files to carry). */
export function linkedHashes(db: Db): string[] {
  return stmt(db, 'SELECT DISTINCT hash FROM message_attachments ORDER BY hash')
    .pluck()
    .all() as string[];
}
