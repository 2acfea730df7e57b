import type { Migration } from './types';

/**
 * Two additions for "a context that fits" and generated titles:
 * - a conversation's limit on the past turns (a question and its answers) sent with a new
 *   question; null: no limit beyond the model's window. Existing conversations get none;
 * - what requests other than answers cost: generated titles and summaries. They are not
 *   answers, but their tokens were billed, so the Usage page counts them with the answers'. Rows
 *   name the conversation by id without a foreign key: purging a conversation from the trash does
 *   not take back money already spent.
 */
export const contextTurnsExtraUsage: Migration = {
  version: 13,
  name: 'context-turns-extra-usage',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN context_turns INTEGER;
      CREATE TABLE extra_usage (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('title', 'summary')),
        conversation_id TEXT NOT NULL,
        model TEXT,
        profile_id TEXT,
        created_at INTEGER NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cost REAL,
        tokens_estimated INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX extra_usage_time ON extra_usage (created_at);
    `);
  },
};
