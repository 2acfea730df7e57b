import type { Migration } from './types';

/**
 * How long the model reasoned before answering ("Thought for 12 s"), measured by the chat turn.
 * Null for answers without reasoning and for every answer stored before this step.
 */
export const reasoningDuration: Migration = {
  version: 4,
  name: 'reasoning-duration',
  up(db) {
    db.exec('ALTER TABLE messages ADD COLUMN reasoning_ms INTEGER');
  },
};
