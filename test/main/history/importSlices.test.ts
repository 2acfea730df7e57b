import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertExportSliced, validateExport } from '../../../src/main/history/importHistory';
import { TempDir } from './tempStore';

function exportOf(conversations: number, perConversation: number, content = 'hello there') {
  return {
    format: 'fleece-history',
    version: 1,
    exportedAt: 1,
    conversations: Array.from({ length: conversations }, (_, c) => ({
      id: `c-${c}`,
      title: `Conversation ${c}`,
      createdAt: c,
      updatedAt: c,
      messages: Array.from({ length: perConversation }, (_, m) => ({
        id: `m-${c}-${m}`,
        role: m % 2 ? 'assistant' : 'user',
        content,
        createdAt: c * 100 + m,
        updatedAt: c * 100 + m,
      })),
    })),
  };
}

describe('importing in time slices', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('leaves the file free between slices: another connection writes without waiting', async () => {
    const { store } = await dir.open();
    const other = new Database(store.path);
    other.pragma('busy_timeout = 0'); // a lock still held would fail this write at once
    const live = store.createConversation({ title: 'live' });
    const bump = other.prepare('UPDATE conversations SET updated_at = updated_at + 1 WHERE id = ?');
    const progress: number[] = [];
    try {
      const report = await insertExportSliced(store.db, validateExport(exportOf(30, 5)), {
        sliceMs: 0, // one insert per transaction
        pauseMs: 0,
        onProgress: (done) => {
          progress.push(done);
          expect(bump.run(live.id).changes).toBe(1);
        },
      });
      expect(report).toMatchObject({
        conversationsAdded: 30,
        messagesAdded: 150,
        cancelled: false,
      });
      expect(progress.length).toBeGreaterThanOrEqual(150);
      expect(progress.at(-1)).toBe(30);
      expect(store.getConversation(live.id)?.updatedAt).toBe(live.updatedAt + progress.length);
    } finally {
      other.close();
    }
  });

  it('stops at the next slice when cancelled, keeping what was written', async () => {
    const { store } = await dir.open();
    let slices = 0;
    const report = await insertExportSliced(store.db, validateExport(exportOf(20, 2)), {
      sliceMs: 0,
      pauseMs: 0,
      cancelled: () => slices >= 7,
      onProgress: () => (slices += 1),
    });
    expect(report.cancelled).toBe(true);
    expect(report.messagesAdded).toBe(
      store.db.prepare('SELECT count(*) FROM messages').pluck().get(),
    );
    expect(report.messagesAdded).toBeLessThan(40);
  });

  it('indexes long imported messages in the worker: found at once when the import ends', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'long.json');
    const long = `${'Tiết kiệm điện thế nào? 中转站 '.repeat(10_000)} the last numbat`;
    writeFileSync(file, JSON.stringify(exportOf(2, 2, long)));
    const report = await store.importFile(file, () => undefined).result;
    expect(report.messagesAdded).toBe(4);
    expect(store.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    const hits = store.search({ query: 'numbat' }).results.filter((r) => r.messageId);
    expect(hits.map((r) => r.messageId).sort()).toEqual(['m-0-0', 'm-0-1', 'm-1-0', 'm-1-1']);
  }, 60_000);
});
