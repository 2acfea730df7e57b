import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TempDir } from './tempStore';

/** Fills a store, closes it (WAL checkpointed into the file) and returns a leaf page of old messages. */
async function storeWithOldPage(dir: TempDir): Promise<{ page: number; pageSize: number }> {
  const { store } = await dir.open();
  const c = store.createConversation({ title: 'old' });
  store.db.transaction(() => {
    for (let i = 0; i < 3000; i++)
      store.appendMessage({
        conversationId: c.id,
        role: 'user',
        content: `message number ${i} `.repeat(8),
      });
  })();
  const page = store.db
    .prepare(
      "SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3",
    )
    .pluck()
    .get() as number;
  const pageSize = store.db.pragma('page_size', { simple: true }) as number;
  store.close();
  return { page, pageSize };
}

function scribble(file: string, page: number, pageSize: number): void {
  const fd = openSync(file, 'r+');
  // Overwrite the page's cell-pointer array and first cells: a torn write, a bad sector.
  writeSync(fd, Buffer.alloc(400, 0xa5), 0, 400, (page - 1) * pageSize + 8);
  closeSync(fd);
}

describe('a damaged history file', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('that is not a database at all is moved aside with its -wal/-shm, and a fresh store opens', async () => {
    writeFileSync(dir.file(), 'this is not sqlite, just some text '.repeat(200));
    writeFileSync(dir.file('history.sqlite-wal'), 'junk wal');
    writeFileSync(dir.file('history.sqlite-shm'), 'junk shm');
    const { store, notices } = await dir.open({ now: () => Date.UTC(2025, 4, 6, 7, 8, 9) });
    expect(notices).toHaveLength(1);
    const notice = notices[0];
    expect(notice?.kind).toBe('history_recovered');
    if (notice?.kind !== 'history_recovered') return;
    expect(notice.movedTo).toBe(`${dir.file()}.damaged-2025-05-06T07-08-09-000Z`);
    expect(readFileSync(notice.movedTo, 'utf8')).toContain('this is not sqlite');
    expect(readFileSync(`${notice.movedTo}-wal`, 'utf8')).toBe('junk wal');
    expect(existsSync(`${notice.movedTo}-shm`)).toBe(true);
    expect(store.listConversations().conversations).toEqual([]);
    expect(store.createConversation({ title: 'fresh' }).title).toBe('fresh');
  });

  it('with a scribbled page fails the whole check at open (small file) and is replaced', async () => {
    const { page, pageSize } = await storeWithOldPage(dir);
    scribble(dir.file(), page, pageSize);
    const { store, notices } = await dir.open();
    expect(notices[0]?.kind).toBe('history_recovered');
    expect(store.listConversations().conversations).toEqual([]);
  });

  it('too large for the whole check at open is caught by the background check and replaced', async () => {
    const { page, pageSize } = await storeWithOldPage(dir);
    scribble(dir.file(), page, pageSize);
    const { store, notices, fullyChecked } = await dir.open({ fullCheckAtOpenMaxBytes: 0 });
    // The bounded check reads the newest rows only: the old damaged page passes it.
    expect(fullyChecked).toBe(false);
    expect(notices).toEqual([]);
    expect(store.listConversations().conversations).toHaveLength(1);
    const notice = await store.verifyInBackground();
    expect(notice?.kind).toBe('history_recovered');
    if (notice?.kind !== 'history_recovered') return;
    expect(existsSync(notice.movedTo)).toBe(true);
    // The readable rows were salvaged into the fresh file: only the damaged page's are gone.
    expect(store.listConversations().conversations.map((c) => c.title)).toEqual(['old']);
    expect(notice.recovered?.conversations).toBe(1);
    expect(notice.recovered?.messages).toBeGreaterThan(2900);
    expect(notice.recovered?.messages).toBeLessThan(3000);
    const fresh = store.createConversation({ title: 'after recovery' });
    expect(store.getConversation(fresh.id)?.title).toBe('after recovery');
    const moved = new Database(notice.movedTo, { readonly: true });
    expect(moved.prepare('SELECT title FROM conversations').pluck().get()).toBe('old');
    moved.close();
  });

  it('a sound file passes the background check', async () => {
    await storeWithOldPage(dir);
    const { store } = await dir.open({ fullCheckAtOpenMaxBytes: 0 });
    await expect(store.verifyInBackground()).resolves.toBeNull();
    expect(store.listConversations().conversations).toHaveLength(1);
  });

  it('a background check that cannot run is reported as a failure, never as damage', async () => {
    const { verifyInWorker } = await import('../../../src/main/history/verifyInWorker');
    await expect(verifyInWorker(dir.file('does-not-exist.sqlite'))).rejects.toThrow(
      /could not run/,
    );
  });
});
