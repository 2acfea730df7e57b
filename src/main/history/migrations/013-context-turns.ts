import type { Migration } from './types';

/**
 * A conversation's limit on the past turns (a question and its answers) sent with a new
 * question; null: no limit beyond the model's window. Existing conversations get none.
 */
export const contextTurns: Migration = {
  version: 13,
  name: 'context-turns',
  up(db) {
    db.exec('ALTER TABLE conversations ADD COLUMN context_turns INTEGER');
  },
};
