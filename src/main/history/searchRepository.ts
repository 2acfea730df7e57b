import type { MessageRole, SearchPage, SearchResult } from '../../shared/types/history';
import { stmt, type Db } from './db';
import { decodeCursor, encodeCursor } from './rows';
import { markdownToPlainText } from '../../shared/rules/plainText';
import { parseQuery } from '../../shared/rules/searchQuery';
import { makeSnippet } from './snippet';

export interface SearchOptions {
  query: string;
  cursor?: string | null;
  /** Message results per page (1–50). */
  limit?: number;
}

const TITLE_HITS = 10;

interface MessageHit {
  seq: number;
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

  const hits = stmt(
    db,
    `SELECT m.seq, m.id, m.role, m.content, m.created_at, c.id AS conversation_id, c.title
     FROM message_search s
     JOIN messages m ON m.seq = s.rowid
     JOIN conversations c ON c.pk = m.conv_pk
     WHERE message_search MATCH ? AND s.rowid < ?
     ORDER BY s.rowid DESC LIMIT ?`,
  ).all(match, before, limit + 1) as MessageHit[];
  for (const hit of hits.slice(0, limit)) {
    // Snippets are read as text: Markdown syntax would be noise (and `**` around a match).
    const { snippet, ranges } = makeSnippet(markdownToPlainText(hit.content), phrases);
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
