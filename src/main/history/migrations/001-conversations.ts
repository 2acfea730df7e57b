import type { Migration } from './types';

/**
 * `pk` is the rowid alias (stable across VACUUM, used as the title index's rowid); `id` is the
 * UUID the app sees. The list index is scanned backwards for "pinned first, then last activity".
 */
export const conversations: Migration = {
  version: 1,
  name: 'conversations',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        title_is_custom INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        model TEXT,
        profile_id TEXT,
        system_prompt TEXT,
        temperature REAL
      ) STRICT;
      CREATE INDEX conversations_list ON conversations (pinned, updated_at, pk)
        WHERE deleted_at IS NULL;
      CREATE INDEX conversations_trash ON conversations (deleted_at, pk)
        WHERE deleted_at IS NOT NULL;
    `);
  },
};
