import type { Migration } from './types';

/**
 * `seq` is the rowid alias: insertion order, and the rowid of the message search index (so
 * "newest first" is a reverse rowid walk FTS5 can stop early). Messages of a conversation are
 * ordered by (created_at, seq) so an imported older message sorts into place. The partial
 * index makes the start-up "streaming → interrupted" sweep free at a million rows.
 */
export const messages: Migration = {
  version: 2,
  name: 'messages',
  up(db) {
    db.exec(`
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conv_pk INTEGER NOT NULL REFERENCES conversations (pk) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
        content TEXT NOT NULL DEFAULT '',
        reasoning TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL
          CHECK (status IN ('streaming', 'complete', 'stopped', 'interrupted', 'error')),
        model TEXT,
        profile_id TEXT,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        tokens_estimated INTEGER NOT NULL DEFAULT 0,
        cost REAL,
        ttft_ms INTEGER,
        duration_ms INTEGER,
        finish_reason TEXT,
        error_kind TEXT,
        error_message TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX messages_by_conversation ON messages (conv_pk, created_at, seq);
      CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';
    `);
  },
};
