import type { Migration } from './types';

/**
 * A covering index for the Usage page: per (model, profile) and time range, everything the
 * aggregates read is in the index, so a month of a million-message history loads in tens of
 * milliseconds instead of a full table scan (measured in bench/usage.ts).
 */
export const usageIndex: Migration = {
  version: 5,
  name: 'usage-index',
  up(db) {
    db.exec(`
      CREATE INDEX messages_usage ON messages (
        model, profile_id, created_at, cost, prompt_tokens, completion_tokens,
        tokens_estimated, ttft_ms, duration_ms
      ) WHERE role = 'assistant';
    `);
  },
};
