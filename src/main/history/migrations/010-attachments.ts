import type { Migration } from './types';

/**
 * Attachments. The files live in the data folder under their SHA-256 (see
 * src/main/attachments/AttachmentFiles.ts); `attachments` has one row per distinct file (what it
 * is, its size, and the text extracted from a text file or a PDF, which is what the model gets
 * and what search finds); `message_attachments` links messages to files and is what keeps a file
 * alive: a file no link refers to is deleted when the trash is emptied. A message also keeps its
 * references in `messages.attachments` (JSON) so a page of messages is read without a join.
 * `attachment_search` indexes file names and extracted text, one row per link (rowid = link id).
 */
export const attachments: Migration = {
  version: 10,
  name: 'attachments',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
      CREATE TABLE attachments (
        hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'text', 'pdf')),
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        text TEXT,
        note TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE message_attachments (
        id INTEGER PRIMARY KEY,
        message_seq INTEGER NOT NULL REFERENCES messages (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        hash TEXT NOT NULL REFERENCES attachments (hash),
        name TEXT NOT NULL,
        UNIQUE (message_seq, position)
      ) STRICT;
      CREATE INDEX message_attachments_hash ON message_attachments (hash);
      CREATE VIRTUAL TABLE attachment_search USING fts5 (
        body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      );
    `);
  },
};
