import type { Migration } from './types';

/**
 * The conversation list breaks ties on the id (as the renderer's sort does) instead of the
 * row number, so both list in one order; this index keeps each page a seek.
 */
export const conversationOrder: Migration = {
  version: 7,
  name: 'conversation-order',
  up(db) {
    db.exec(`
      CREATE INDEX conversations_order ON conversations (pinned, updated_at, id)
        WHERE deleted_at IS NULL;
    `);
  },
};
