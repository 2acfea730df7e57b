import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../src/shared/types/history';
import { TempDir } from './tempStore';

/** A realistic export: `conversations` × `perConversation` messages of mixed-script text. */
function bigExport(conversations: number, perConversation: number): string {
  const text = 'Tiết kiệm điện thế nào? 中转站是什么 and some plain English words. '.repeat(20);
  const out = [];
  for (let c = 0; c < conversations; c++) {
    const messages = [];
    for (let m = 0; m < perConversation; m++)
      messages.push({
        id: `m-${c}-${m}`,
        role: m % 2 === 0 ? 'user' : 'assistant',
        content: `${m} ${text}`,
        createdAt: 1_700_000_000_000 + c * 1000 + m,
        updatedAt: 1_700_000_000_000 + c * 1000 + m,
      });
    out.push({
      id: `c-${c}`,
      title: `Conversation ${c}`,
      createdAt: 1_700_000_000_000 + c * 1000,
      updatedAt: 1_700_000_000_000 + c * 1000,
      messages,
    });
  }
  return JSON.stringify({
    format: 'fleece-history',
    version: 1,
    exportedAt: 1,
    conversations: out,
  });
}

describe('importing an export in a worker thread', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('imports a large file off the main thread, in batches, with progress', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'big.json');
    const json = bigExport(500, 10); // 5,000 messages, ~7 MB
    writeFileSync(file, json);
    const progress: ImportProgress[] = [];
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const run = store.importFile(file, (p) => progress.push(p));
    const report = await run.result;
    delay.disable();
    expect(report).toMatchObject({
      conversationsAdded: 500,
      messagesAdded: 5000,
      cancelled: false,
    });
    const inserting = progress.filter((p) => p.phase === 'inserting');
    expect(inserting.length).toBeGreaterThanOrEqual(3);
    expect(inserting.at(-1)).toEqual({ phase: 'inserting', done: 500, total: 500 });
    expect(store.db.prepare('SELECT count(*) FROM conversations').pluck().get()).toBe(500);
    expect(store.search({ query: 'tiet kiem' }).results.length).toBeGreaterThan(0);
    // Figure for the record (not a timed assertion): the longest stall of this thread meanwhile.
    console.log(
      `import of ${(json.length / 1e6).toFixed(1)} MB: longest main-thread stall ${(delay.max / 1e6).toFixed(1)} ms`,
    );
  }, 120_000);

  it('stops between batches when cancelled; what was written stays and a second import adds the rest', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'big.json');
    writeFileSync(file, bigExport(1000, 4));
    const run = store.importFile(file, (p) => {
      if (p.phase === 'inserting' && p.done >= 200) run.cancel();
    });
    const report = await run.result;
    expect(report.cancelled).toBe(true);
    expect(report.conversationsAdded).toBeGreaterThanOrEqual(200);
    expect(report.conversationsAdded).toBeLessThan(1000);
    const again = await store.importFile(file, () => undefined).result;
    expect(again.conversationsAdded + report.conversationsAdded).toBe(1000);
    expect(again.cancelled).toBe(false);
  }, 120_000);

  it('says so when the export was written by a newer Fleece, and imports nothing', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'newer.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'fleece-history', version: 7, conversations: [] }),
    );
    await expect(store.importFile(file, () => undefined).result).rejects.toMatchObject({
      code: 'import_too_new',
      details: { version: 7 },
    });
    writeFileSync(file, '{ not json');
    await expect(store.importFile(file, () => undefined).result).rejects.toMatchObject({
      code: 'bad_import',
    });
    expect(store.listConversations().conversations).toEqual([]);
  });

  it('checks the whole file before writing: a bad conversation at the end imports nothing', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'bad-tail.json');
    const good = JSON.parse(bigExport(300, 4)) as { conversations: unknown[] };
    good.conversations.push({ id: 'broken', createdAt: 1, updatedAt: 1, messages: [{}] });
    writeFileSync(file, JSON.stringify({ ...good, format: 'fleece-history' }));
    await expect(store.importFile(file, () => undefined).result).rejects.toMatchObject({
      code: 'bad_import',
      detail: expect.stringMatching(/^conversations\.300\.messages\.0\./),
    });
    expect(store.listConversations().conversations).toEqual([]);
  });

  it('refuses a file over 512 MB before reading it', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 513 * 1024 * 1024); // sparse: no real disk space used
    await expect(store.importFile(file, () => undefined).result).rejects.toMatchObject({
      code: 'import_too_large',
      details: { sizeMb: 513, limitMb: 512 },
    });
  });
});
