import type { Migration } from './types';
import { foldForIndex } from '../../../shared/rules/searchText';

/**
 * Contentless FTS5 tables fed by the repository with folded text (see searchText.ts): the
 * folding (đ → d, CJK split per character) cannot be expressed as an FTS5 tokenizer option, and
 * the original text already lives in `messages`, so the index stores no second copy. Snippets
 * are cut from the original text in JS. `contentless_delete` lets rows be replaced and removed.
 */
export const searchIndex: Migration = {
  version: 3,
  name: 'search-index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE message_search USING fts5 (
        body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      );
      CREATE VIRTUAL TABLE title_search USING fts5 (
        title, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      );
    `);
    // Paged: better-sqlite3 forbids writing while a statement on the same connection iterates.
    const addMessage = db.prepare('INSERT INTO message_search (rowid, body) VALUES (?, ?)');
    const page = db.prepare(
      `SELECT m.seq, m.content FROM messages m JOIN conversations c ON c.pk = m.conv_pk
       WHERE m.seq > ? AND m.status <> 'streaming' AND c.deleted_at IS NULL
       ORDER BY m.seq LIMIT 1000`,
    );
    for (let after = 0; ;) {
      const rows = page.all(after) as { seq: number; content: string }[];
      for (const row of rows) addMessage.run(row.seq, foldForIndex(row.content));
      const last = rows.at(-1);
      if (!last) break;
      after = last.seq;
    }
    const addTitle = db.prepare('INSERT INTO title_search (rowid, title) VALUES (?, ?)');
    const titles = db.prepare('SELECT pk, title FROM conversations WHERE deleted_at IS NULL');
    for (const row of titles.all() as { pk: number; title: string }[]) {
      addTitle.run(row.pk, foldForIndex(row.title));
    }
  },
};
