import type { Migration } from './types';

/**
 * Versions and branches: each message records the one it follows (`parent_id`); messages with
 * the same parent are versions of one another and the one with the highest `version_rank` is on
 * screen. `edited_at` marks a text changed in place; `deleted_at` a message deleted but still
 * undoable (purged at the next start). Existing conversations become one linear path: each
 * message follows the one before it.
 */
export const messageVersions: Migration = {
  version: 12,
  name: 'message-versions',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN parent_id TEXT;
      ALTER TABLE messages ADD COLUMN version_rank INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN edited_at INTEGER;
      ALTER TABLE messages ADD COLUMN deleted_at INTEGER;
      UPDATE messages SET parent_id = prev.parent
        FROM (SELECT seq, lag(id) OVER (PARTITION BY conv_pk ORDER BY created_at, seq) AS parent
              FROM messages) AS prev
        WHERE prev.seq = messages.seq AND prev.parent IS NOT NULL;
      CREATE INDEX messages_versioned ON messages (conv_pk) WHERE version_rank > 0;
      CREATE INDEX messages_deleted ON messages (deleted_at) WHERE deleted_at IS NOT NULL;
    `);
  },
};
