import type { MessageRole, SearchPage, SearchResult } from '../../shared/types/history';
import { stmt, type Db } from './db';
import { decodeCursor, encodeCursor } from './rows';
import { markdownToPlainText } from '../../shared/rules/plainText';
import { parseQuery } from '../../shared/rules/searchQuery';
import { makeSnippet } from './snippet';
import { attachmentSearchText, searchedLink } from './attachmentRepository';
import {
  chunkOfRowid,
  chunkRowid,
  chunkSize,
  LONG_BASE,
  MAX_CHUNKS,
  OVERLAP_CHARS,
} from './searchChunks';

/**
 * How much of a long message, from the start of the chunk that matched, a snippet is cut from:
 * the whole chunk (its step plus the overlap it repeats), so the match is always inside.
 */
function snippetWindow(length: number): number {
  return chunkSize(length) + OVERLAP_CHARS;
}

/** How much of a file's name and text a snippet of a match in an attachment is cut from. */
const ATTACHMENT_SNIPPET_CHARS = 16_384;

export interface SearchOptions {
  query: string;
  cursor?: string | null;
  /** Message results per page (1–50). */
  limit?: number;
}

const TITLE_HITS = 10;

interface MessageHit {
  id: string;
  role: MessageRole;
  content: string;
  created_at: number;
  conversation_id: string;
  title: string;
}

/**
 * Newest first = descending rowid (messages.seq, insertion order), which FTS5 walks in index
 * order and stops at LIMIT, so a query matching half a million messages costs one page (~1 ms
 * at 1M messages). The bound that remains: terms that are each common but rarely together make
 * FTS5 read their doclists to the end (~10–20 ms CPU at 1M, see the benchmark's worst cases).
 * Titles (one per conversation) are listed on the first page, most recently active first.
 */
export function search(db: Db, options: SearchOptions): SearchPage {
  const { phrases, match } = parseQuery(options.query);
  if (match === '') return { results: [], nextCursor: null };
  const limit = Math.max(1, Math.min(50, Math.floor(options.limit ?? 20)));
  const before = options.cursor
    ? (decodeCursor(options.cursor, 1)[0] ?? 0)
    : Number.MAX_SAFE_INTEGER;

  const results: SearchResult[] = [];
  if (!options.cursor) {
    const titles = stmt(
      db,
      `SELECT c.id, c.title, c.updated_at FROM title_search t JOIN conversations c ON c.pk = t.rowid
       WHERE title_search MATCH ? ORDER BY c.updated_at DESC LIMIT ?`,
    ).all(match, TITLE_HITS) as { id: string; title: string; updated_at: number }[];
    for (const t of titles) {
      const { snippet, ranges } = makeSnippet(t.title, phrases);
      results.push({
        conversationId: t.id,
        conversationTitle: t.title,
        messageId: null,
        role: null,
        snippet,
        ranges,
        createdAt: t.updated_at,
      });
    }
  }

  const hits = unique([
    ...shortHits(db, match, before, limit + 1),
    ...longHits(db, phrases, before, limit + 1),
    ...attachmentHits(db, match, before, limit + 1),
  ]).slice(0, limit + 1);
  const rows = hits.slice(0, limit).map((h) => [h, messageHit(db, h.seq)] as const);
  for (const [{ seq, chunk, link }, hit] of rows) {
    if (!hit) continue;
    // Snippets are read as text: Markdown syntax would be noise (and `**` around a match). A long
    // message is cut from the chunk that matched, so only a window of it is converted.
    const from = chunk === null ? 0 : chunkStart(db, seq, chunk);
    const text =
      link !== undefined
        ? attachmentSnippetText(db, link)
        : chunk === null
          ? hit.content
          : hit.content.slice(from, from + snippetWindow(hit.content.length));
    const { snippet, ranges } = makeSnippet(markdownToPlainText(text), phrases);
    results.push({
      conversationId: hit.conversation_id,
      conversationTitle: hit.title,
      messageId: hit.id,
      role: hit.role,
      snippet,
      ranges,
      createdAt: hit.created_at,
    });
  }
  const last = hits[limit - 1];
  return { results, nextCursor: hits.length > limit && last ? encodeCursor([last.seq]) : null };
}

/**
 * A matching message: its seq and, for a long one, the first chunk that matched; `link` when
 * the match is in one of its attachments (a file name or a file's text).
 */
interface Hit {
  seq: number;
  chunk: number | null;
  link?: number;
}

/** Newest first, one hit per message (its own text first, then its files). */
function unique(hits: Hit[]): Hit[] {
  const seen = new Set<number>();
  return hits
    .sort((a, b) => b.seq - a.seq || Number(a.link !== undefined) - Number(b.link !== undefined))
    .filter((h) => !seen.has(h.seq) && seen.add(h.seq));
}

/** Messages whose attached files match, newest first (link ids grow with message seq). */
function attachmentHits(db: Db, match: string, before: number, want: number): Hit[] {
  const ids = stmt(
    db,
    `SELECT s.rowid FROM attachment_search s JOIN message_attachments l ON l.id = s.rowid
     WHERE attachment_search MATCH ? AND l.message_seq < ? ORDER BY s.rowid DESC LIMIT ?`,
  )
    .pluck()
    .all(match, before, want) as number[];
  const hits: Hit[] = [];
  for (const id of ids) {
    const link = searchedLink(db, id);
    if (link) hits.push({ seq: link.seq, chunk: null, link: id });
  }
  return hits;
}

function attachmentSnippetText(db: Db, id: number): string {
  const link = searchedLink(db, id);
  if (!link) return '';
  return attachmentSearchText(link.name, link.text).slice(0, ATTACHMENT_SNIPPET_CHARS);
}

/** Messages indexed as one row (rowid = seq), newest first. */
function shortHits(db: Db, match: string, before: number, want: number): Hit[] {
  const seqs = stmt(
    db,
    `SELECT rowid FROM message_search WHERE message_search MATCH ? AND rowid < ?
     ORDER BY rowid DESC LIMIT ?`,
  )
    .pluck()
    .all(match, Math.min(before, LONG_BASE), want) as number[];
  return seqs.map((seq) => ({ seq, chunk: null }));
}

/**
 * Long messages (indexed in chunks), newest first. One phrase: chunks are walked newest first
 * and the walk stops after `want` messages. Several phrases may sit in different chunks of one
 * message (the message matches, as it did when it was one row): each phrase's chunks are listed
 * and the messages holding all of them kept. The chunks have their own table (a rowid range in
 * the big one is a filter FTS5 walks to the end, not a seek), so this walk stays small.
 */
function longHits(db: Db, phrases: string[][], before: number, want: number): Hit[] {
  const below = before >= LONG_BASE ? Number.MAX_SAFE_INTEGER : chunkRowid(before, 0);
  const sql = `SELECT rowid FROM message_search_long WHERE message_search_long MATCH ?
     AND rowid < ? ORDER BY rowid DESC`;
  const quoted = phrases.map((p) => `"${p.join(' ')}"`);
  if (quoted.length === 1) {
    const found = new Map<number, number>();
    for (const rowid of stmt(db, sql).pluck().iterate(quoted[0], below)) {
      const { seq, chunk } = chunkOfRowid(rowid as number);
      if (!found.has(seq) && found.size === want) break;
      found.set(seq, chunk); // descending: the last one seen is the first chunk
    }
    return [...found].map(([seq, chunk]) => ({ seq, chunk }));
  }
  let common: Map<number, number> | null = null;
  for (const phrase of quoted) {
    const found = new Map<number, number>();
    for (const rowid of stmt(db, sql).pluck().all(phrase, below) as number[]) {
      const { seq, chunk } = chunkOfRowid(rowid);
      if (common && !common.has(seq)) continue;
      found.set(seq, Math.min(chunk, common?.get(seq) ?? MAX_CHUNKS));
    }
    common = found;
    if (common.size === 0) break;
  }
  return [...(common ?? [])]
    .map(([seq, chunk]) => ({ seq, chunk }))
    .sort((a, b) => b.seq - a.seq)
    .slice(0, want);
}

function chunkStart(db: Db, seq: number, chunk: number): number {
  const start = stmt(db, 'SELECT start FROM search_chunk_start WHERE id = ?')
    .pluck()
    .get(chunkRowid(seq, chunk)) as number | undefined;
  return start ?? 0;
}

function messageHit(db: Db, seq: number): MessageHit | undefined {
  return stmt(
    db,
    `SELECT m.id, m.role, m.content, m.created_at, c.id AS conversation_id, c.title
     FROM messages m JOIN conversations c ON c.pk = m.conv_pk WHERE m.seq = ?`,
  ).get(seq) as MessageHit | undefined;
}
