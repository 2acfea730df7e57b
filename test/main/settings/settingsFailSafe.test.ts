import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelCatalog } from '../../../src/main/models/ModelCatalog';
import { SettingsStore } from '../../../src/main/settings/SettingsStore';
import { SmallDisk } from '../storage/tmpfs';

const profile = (id: string) => ({
  id,
  name: `Relay ${id}`,
  preset: 'holysheep' as const,
  baseUrl: 'https://api.holysheep.ai/v1',
  fallbackBaseUrls: [] as string[],
  defaultModel: 'deepseek-chat',
  connectTimeoutMs: 10000,
  idleTimeoutMs: 60000,
  requiresKey: true,
  allowInsecureHttp: false,
  systemPrompt: '',
  temperature: null,
});

let disk: SmallDisk | null = null;
afterEach(() => {
  disk?.dispose();
  disk = null;
});

describe('settings and caches fail safe (real read-only mount)', () => {
  it('a settings write that fails leaves the live state unchanged', async () => {
    disk = new SmallDisk(1024 * 1024);
    const store = await SettingsStore.open({ dataDir: disk.path });
    await store.update((d) => {
      d.profiles = [profile('p1')];
      d.activeProfileId = 'p1';
    });
    disk.readOnly();
    await expect(
      store.update((d) => {
        d.profiles.push(profile('p2'));
        d.activeProfileId = 'p2';
      }),
    ).rejects.toMatchObject({ code: 'settings_write_failed', details: { reason: 'EROFS' } });
    // What the app uses is what a restart will read.
    expect(store.get().profiles.map((p) => p.id)).toEqual(['p1']);
    expect(store.get().activeProfileId).toBe('p1');
    disk.writable();
    const reopened = await SettingsStore.open({ dataDir: disk.path });
    expect(reopened.get()).toEqual(store.get());
    // And the next change works once the folder is writable again.
    await store.update((d) => {
      d.activeProfileId = null;
    });
    expect(store.get().activeProfileId).toBeNull();
  });

  it('a model list the relay returned is shown even when its cache cannot be written', async () => {
    disk = new SmallDisk(1024 * 1024);
    const logged: string[] = [];
    const catalog = new ModelCatalog({
      dataDir: disk.path,
      fetchModels: async () => ['deepseek-chat', 'gpt-4o'],
      now: () => 5,
      log: (m) => logged.push(m),
    });
    disk.readOnly();
    expect(await catalog.list('p1', true)).toEqual({
      models: ['deepseek-chat', 'gpt-4o'],
      fetchedAt: 5,
      fromCache: false,
    });
    expect(logged).toEqual(['could not write the model-list cache']);
  });
});

describe('settings.json at load', () => {
  it('removes key-like fields and values planted in the file and rewrites it without them', async () => {
    disk = new SmallDisk(1024 * 1024);
    const file = join(disk.path, 'settings.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        apiKey: 'hsa-planted-top-level-123456',
        token: 'abc',
        profiles: [{ ...profile('p1'), key: 'whatever', apiKey: 'sk-proj-abcdef123456' }],
        activeProfileId: 'p1',
        note: 'sk-live-abcdef0123456789',
        extra: { nested: { token: 't' }, ok: 'kept' },
      }),
    );
    const store = await SettingsStore.open({ dataDir: disk.path });
    const text = readFileSync(file, 'utf8');
    for (const planted of ['hsa-planted', 'sk-proj', 'sk-live', '"token"', '"key"', '"apiKey"'])
      expect(text).not.toContain(planted);
    expect(text).toContain('kept');
    expect(store.get().profiles.map((p) => p.id)).toEqual(['p1']);
  });

  it('repaired settings keep a usable active profile', async () => {
    disk = new SmallDisk(1024 * 1024);
    writeFileSync(
      join(disk.path, 'settings.json'),
      JSON.stringify({
        version: 1,
        profiles: [profile('p1'), { id: 'broken' }, profile('p3')],
        activeProfileId: 42,
      }),
    );
    const store = await SettingsStore.open({ dataDir: disk.path });
    expect(store.notice?.code).toBe('settings_repaired');
    expect(store.get().activeProfileId).toBe('p1');
  });
});
