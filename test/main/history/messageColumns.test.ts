import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../src/main/history/migrate';
import { MIGRATIONS } from '../../../src/main/history/migrations';
import {
  MESSAGE_COLUMN_NAMES,
  MESSAGE_COLUMNS,
  toMessage,
  type MessageRow,
} from '../../../src/main/history/messageColumns';
import { messageSchema, withMessageDefaults } from '../../../src/shared/message';
import { TempDir } from './tempStore';

describe('the message column map', () => {
  it('names exactly the columns the migrations create, one per field of the definition', () => {
    const db = new Database(':memory:');
    try {
      runMigrations(db, MIGRATIONS);
      const table = (
        db.prepare('SELECT name FROM pragma_table_info(?)').all('messages') as {
          name: string;
        }[]
      ).map((c) => c.name);
      expect([...MESSAGE_COLUMN_NAMES].sort()).toEqual([...table].sort());
      // Every field but the conversation (stored as conv_pk) has its column.
      expect(MESSAGE_COLUMN_NAMES).toHaveLength(Object.keys(messageSchema.shape).length - 1 + 2);
    } finally {
      db.close();
    }
  });

  it('round-trips every field through a real row: flags as 0/1, times as whole ms', async () => {
    const dir = new TempDir();
    try {
      const { store } = await dir.open();
      const c = store.createConversation({});
      const m = store.appendMessage({
        conversationId: c.id,
        role: 'assistant',
        status: 'streaming',
      });
      const finished = store.finishMessage(m.id, {
        status: 'error',
        content: 'x',
        tokensEstimated: true,
        ttftMs: 12.6,
        retryAfterMs: 1500.2,
        errorHint: 'Wait a moment and try again.',
      });
      expect(finished).toMatchObject({
        tokensEstimated: true,
        ttftMs: 13,
        retryAfterMs: 1500,
        errorHint: 'Wait a moment and try again.',
      });
      const row = store.db
        .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`)
        .get(m.id) as MessageRow;
      expect(row.tokens_estimated).toBe(1);
      expect(toMessage(row, c.id)).toEqual(finished);
      expect(Object.keys(finished).sort()).toEqual(Object.keys(messageSchema.shape).sort());
      expect(messageSchema.parse(finished)).toEqual(finished);
    } finally {
      dir.cleanup();
    }
  });

  it('fills every field a writer leaves out from the definition’s defaults', () => {
    const m = withMessageDefaults({
      id: 'm',
      conversationId: 'c',
      role: 'user' as const,
      createdAt: 1,
      updatedAt: 1,
    });
    expect(messageSchema.parse(m)).toEqual(m);
    expect(m).toMatchObject({
      content: '',
      status: 'complete',
      errorHint: null,
      tokensEstimated: false,
    });
  });
});
