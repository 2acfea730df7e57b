import type { Migration } from './types';

/**
 * Several models at once: a comparison is one question (`question_seq`) sent to several models,
 * its answers (`comparison_answers`, in the order the models were chosen) being versions of one
 * another. `kept_seq` is the answer the user kept as the continuation and `kept_at` when (both
 * null until then; `kept_at` stays when the kept answer is deleted for good). Rows go
 * with their conversation (purged) and with their messages (deleted for good): a comparison
 * whose question is gone goes too; an answer gone leaves the others. Each column that names a
 * message is indexed, so deleting messages never walks these tables; the compare view reads the
 * newest comparisons through `comparisons_recent`, and a page of messages the unkept ones of its
 * conversation through `comparisons_pending`.
 */
export const comparisons: Migration = {
  version: 14,
  name: 'comparisons',
  up(db) {
    db.exec(`
      CREATE TABLE comparisons (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conv_pk INTEGER NOT NULL REFERENCES conversations (pk) ON DELETE CASCADE,
        question_seq INTEGER NOT NULL REFERENCES messages (seq) ON DELETE CASCADE,
        kept_seq INTEGER REFERENCES messages (seq) ON DELETE SET NULL,
        kept_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX comparisons_recent ON comparisons (created_at, pk);
      CREATE INDEX comparisons_by_conversation ON comparisons (conv_pk);
      CREATE INDEX comparisons_pending ON comparisons (conv_pk) WHERE kept_at IS NULL;
      CREATE INDEX comparisons_question ON comparisons (question_seq);
      CREATE INDEX comparisons_kept ON comparisons (kept_seq) WHERE kept_seq IS NOT NULL;
      CREATE TABLE comparison_answers (
        comparison_pk INTEGER NOT NULL REFERENCES comparisons (pk) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        message_seq INTEGER NOT NULL REFERENCES messages (seq) ON DELETE CASCADE,
        PRIMARY KEY (comparison_pk, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX comparison_answers_message ON comparison_answers (message_seq);
    `);
  },
};
