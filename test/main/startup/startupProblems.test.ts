import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostDeps } from '../../../src/main/compose';
import { HistoryStore } from '../../../src/main/history/HistoryStore';
import { openHistoryDb } from '../../../src/main/history/openHistoryDb';
import { createFileLogger } from '../../../src/main/log/Logger';
import { startServices, type ShowStartupProblem } from '../../../src/main/startup/startServices';
import { checkDataDir } from '../../../src/main/startup/startupProblems';
import { SmallDisk } from '../storage/tmpfs';
import { runAsNobody } from './asOtherUser';

const repo = resolve(import.meta.dirname, '../../..');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function deps(dataDir: string): HostDeps {
  return {
    dataDir,
    fetch: globalThis.fetch,
    secrets: 'memory',
    emit: () => undefined,
    openExternal: async () => undefined,
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    log: createFileLogger(join(tmpdir(), 'fleece-startup-test-logs'), false),
    platform: 'linux',
    env: {},
  };
}

function recorder(answer = 0): {
  show: ShowStartupProblem;
  shown: Parameters<ShowStartupProblem>[0][];
} {
  const shown: Parameters<ShowStartupProblem>[0][] = [];
  return { shown, show: async (box) => (shown.push(box), answer) };
}

async function historyIn(dir: string): Promise<void> {
  const { store } = await HistoryStore.open({ dataDir: dir });
  const c = store.createConversation();
  store.appendMessage({ conversationId: c.id, role: 'user', content: 'giữ lại tôi' });
  store.close();
}

describe('start-up problems are shown, never a silent exit', () => {
  it('a read-only data folder (real read-only mount): a translated dialog with the path, nothing moved', async () => {
    const disk = new SmallDisk(4 * 1024 * 1024);
    cleanups.push(() => disk.dispose());
    await historyIn(disk.path);
    const before = readdirSync(disk.path).sort();
    disk.readOnly();
    expect(checkDataDir(disk.path)).toMatchObject({ code: 'data_read_only', path: disk.path });
    const { show, shown } = recorder();
    expect(await startServices(deps(disk.path), 'vi', show)).toBeNull();
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('Thư mục dữ liệu của Fleece đang ở chế độ chỉ đọc');
    expect(shown[0]?.detail).toContain(disk.path);
    expect(shown[0]?.detail).toContain('EROFS');
    expect(readdirSync(disk.path).sort()).toEqual(before);
  });

  it('a history written by a newer Fleece: explained, and it can be opened read-only to browse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleece-startup-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await historyIn(dir);
    const db = new Database(join(dir, 'history.sqlite'));
    db.pragma('user_version = 99');
    db.close();

    const quit = recorder(0);
    expect(await startServices(deps(dir), 'zh-CN', quit.show)).toBeNull();
    expect(quit.shown[0]?.title).toBe('您的历史记录由更新版本的 Fleece 写入');
    expect(quit.shown[0]?.buttons).toEqual(['退出', '以只读方式打开']);

    const browse = recorder(1);
    const composition = await startServices(deps(dir), 'en', browse.show);
    expect(composition).not.toBeNull();
    cleanups.push(() => void composition?.dispose());
    const list = await composition!.handlers['conversations.list']({});
    expect(list.conversations).toHaveLength(1);
    expect(composition!.notices.map((n) => n.kind)).toContain('history_read_only');
    await expect(
      composition!.handlers['conversations.rename']({
        id: list.conversations[0]!.id,
        title: 'Renamed',
      }),
    ).rejects.toMatchObject({
      code: 'storage_read_only',
    });
    // Untouched: still the newer version, not migrated or moved.
    const check = new Database(join(dir, 'history.sqlite'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
  });

  it('a busy (locked) history is never moved aside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleece-startup-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await historyIn(dir);
    const locker = new Database(join(dir, 'history.sqlite'));
    locker.pragma('journal_mode = DELETE');
    locker.pragma('locking_mode = EXCLUSIVE');
    locker.exec('BEGIN EXCLUSIVE');
    cleanups.push(() => locker.close());
    await expect(openHistoryDb({ dataDir: dir })).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
  });
});

describe('files owned by another user (root-owned files, checked as user nobody)', () => {
  function rootOwnedData(): string {
    const dir = mkdtempSync(join(tmpdir(), 'fleece-sudo-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    chmodSync(dir, 0o777); // the folder is writable: only the files belong to root
    return dir;
  }

  it('the start-up check names the file and the cause', async () => {
    const dir = rootOwnedData();
    await historyIn(dir);
    chmodSync(join(dir, 'history.sqlite'), 0o600);
    writeFileSync(join(dir, 'settings.json'), '{"version":1}', { mode: 0o600 });
    const out = runAsNobody(
      `import { checkDataDir } from './src/main/startup/startupProblems.ts';
       console.log(JSON.stringify(checkDataDir(${JSON.stringify(dir)})));`,
      repo,
    );
    const problem = JSON.parse(out) as { code: string; path: string; cause: string };
    expect(problem).toMatchObject({
      code: 'data_owned_by_other',
      path: join(dir, 'history.sqlite'),
    });
    expect(problem.cause).toContain('EACCES');
  });

  it('an unreadable history is reported, never moved aside as if it were damaged', async () => {
    const dir = rootOwnedData();
    await historyIn(dir);
    chmodSync(join(dir, 'history.sqlite'), 0o600);
    const out = runAsNobody(
      `import { openHistoryDb } from './src/main/history/openHistoryDb.ts';
       try { await openHistoryDb({ dataDir: ${JSON.stringify(dir)} }); console.log('opened'); }
       catch (e) { console.log(e.code); }`,
      repo,
    );
    expect(out.trim()).toBe('EACCES');
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
  });
});
