import type { Migration } from './types';

/**
 * What a failed answer's card needs after a restart as well as right after the failure: the hint
 * (what to do about it) and the wait the relay asked for before a retry. Null for every answer
 * stored before this step.
 */
export const errorDetails: Migration = {
  version: 6,
  name: 'error-details',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN error_hint TEXT;
      ALTER TABLE messages ADD COLUMN retry_after_ms INTEGER;
    `);
  },
};
