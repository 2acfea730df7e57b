import type { Migration } from './types';

/**
 * The growing text of a streaming answer is checkpointed by appending what arrived since the
 * last checkpoint as a new part, never by rewriting the message: SQLite rewrites a whole row on
 * any UPDATE, so with a long answer each 250 ms checkpoint cost time in proportion to all the
 * text so far (8 MB of Chinese: ~170 ms of main-thread time per checkpoint). The parts are
 * folded into `messages.content` / `reasoning` when the answer finishes, or by the start-up
 * sweep after a crash. Reads of a streaming message append them (messageColumns.ts).
 */
export const messageParts: Migration = {
  version: 11,
  name: 'message-parts',
  up(db) {
    db.exec(`
      CREATE TABLE message_parts (
        seq INTEGER NOT NULL REFERENCES messages (seq) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        content TEXT NOT NULL,
        reasoning TEXT NOT NULL,
        PRIMARY KEY (seq, n)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
