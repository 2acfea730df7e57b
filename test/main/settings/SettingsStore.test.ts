import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_VERSION } from '../../../src/main/settings/schema';
import { FleeceError } from '../../../src/main/errors/FleeceError';
import { SettingsStore } from '../../../src/main/settings/SettingsStore';

let dataDir: string;
const fixedNow = () => new Date('2025-03-04T05:06:07.089Z');
const profile = {
  id: 'p1',
  name: 'Relay',
  preset: 'holysheep',
  baseUrl: 'https://api.holysheep.ai/v1',
  fallbackBaseUrls: [],
  defaultModel: 'deepseek-chat',
  connectTimeoutMs: 10000,
  idleTimeoutMs: 60000,
  requiresKey: true,
  allowInsecureHttp: false,
  systemPrompt: '',
  temperature: null,
} as const;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fleece-settings-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const settingsPath = () => join(dataDir, 'settings.json');
const readJson = async () =>
  JSON.parse(await readFile(settingsPath(), 'utf8')) as Record<string, unknown>;

describe('SettingsStore', () => {
  it('starts with defaults and no notice when there is no file yet', async () => {
    const store = await SettingsStore.open({ dataDir });
    expect(store.notice).toBeUndefined();
    expect(store.get()).toEqual({
      version: SETTINGS_VERSION,
      profiles: [],
      activeProfileId: null,
      preferences: { language: 'system', theme: 'system' },
      windowBounds: null,
    });
  });

  it('persists profiles, preferences and window bounds across a new instance', async () => {
    const first = await SettingsStore.open({ dataDir });
    await first.update((draft) => {
      draft.profiles.push({ ...profile, fallbackBaseUrls: [] });
      draft.activeProfileId = 'p1';
    });
    await first.setPreferences({ language: 'vi', theme: 'dark' });
    await first.setWindowBounds({ x: 10, y: 20, width: 1200, height: 800, maximized: true });

    const second = await SettingsStore.open({ dataDir });
    expect(second.notice).toBeUndefined();
    const loaded = second.get();
    expect(loaded.profiles).toEqual([profile]);
    expect(loaded.activeProfileId).toBe('p1');
    expect(loaded.preferences).toEqual({ language: 'vi', theme: 'dark' });
    expect(loaded.windowBounds).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      maximized: true,
    });
    expect((await stat(settingsPath())).mode & 0o777).toBe(0o600);
  });

  it('get() returns a copy that cannot change the store', async () => {
    const store = await SettingsStore.open({ dataDir });
    store.get().profiles.push({ ...profile, fallbackBaseUrls: [] });
    expect(store.get().profiles).toEqual([]);
  });

  it('refuses an invalid update and keeps the previous state', async () => {
    const store = await SettingsStore.open({ dataDir });
    await store.setPreferences({ theme: 'light' });
    await expect(
      store.update((draft) => {
        (draft.preferences as Record<string, unknown>)['theme'] = 'purple';
      }),
    ).rejects.toMatchObject({ code: 'settings_invalid' });
    expect(store.get().preferences.theme).toBe('light');
    expect((await readJson())['preferences']).toMatchObject({ theme: 'light' });
  });

  it('moves a file that is not JSON aside and starts with defaults and a notice', async () => {
    await writeFile(settingsPath(), '{"version": 1, "profiles": [ {"id": "p1", "na');
    const store = await SettingsStore.open({ dataDir, now: fixedNow });
    const movedTo = join(dataDir, 'settings.corrupt-2025-03-04T05-06-07-089Z.json');
    expect(store.notice).toMatchObject({ code: 'settings_reset', movedTo });
    expect(store.notice?.text).toEqual({ code: 'settings_not_json' });
    expect(await readFile(movedTo, 'utf8')).toBe('{"version": 1, "profiles": [ {"id": "p1", "na');
    expect(store.get().profiles).toEqual([]);
    expect((await readJson())['version']).toBe(SETTINGS_VERSION);

    const again = await SettingsStore.open({ dataDir, now: fixedNow });
    expect(again.notice).toBeUndefined();
  });

  it('does not overwrite an earlier corrupt copy with the same timestamp', async () => {
    await writeFile(settingsPath(), 'garbage one');
    await SettingsStore.open({ dataDir, now: fixedNow });
    await writeFile(settingsPath(), 'garbage two');
    const store = await SettingsStore.open({ dataDir, now: fixedNow });
    expect(store.notice?.movedTo).toBe(
      join(dataDir, 'settings.corrupt-2025-03-04T05-06-07-089Z-1.json'),
    );
    expect(
      await readFile(join(dataDir, 'settings.corrupt-2025-03-04T05-06-07-089Z.json'), 'utf8'),
    ).toBe('garbage one');
  });

  it.each([
    ['an array', '[]'],
    ['no version', '{"profiles": []}'],
    ['null', 'null'],
    ['an empty file', ''],
  ])('resets a file holding %s', async (_label, text) => {
    await writeFile(settingsPath(), text);
    const store = await SettingsStore.open({ dataDir, now: fixedNow });
    expect(store.notice?.code).toBe('settings_reset');
    expect(store.get().profiles).toEqual([]);
  });

  it('resets only the damaged section and keeps the others', async () => {
    const good = { ...profile, id: 'good' };
    const bad = { ...profile, id: 'bad', connectTimeoutMs: 'soon' };
    await writeFile(
      settingsPath(),
      JSON.stringify({
        version: 1,
        profiles: [bad, good],
        activeProfileId: 'good',
        preferences: { language: 'klingon' },
      }),
    );
    const store = await SettingsStore.open({ dataDir, now: fixedNow });
    expect(store.notice).toMatchObject({
      code: 'settings_repaired',
      sections: ['profiles[0]', 'preferences'],
    });
    expect(store.get().profiles.map((p) => p.id)).toEqual(['good']);
    expect(store.get().activeProfileId).toBe('good');
    expect(store.get().preferences).toEqual({ language: 'system', theme: 'system' });
    expect(await readdir(dataDir)).toContain('settings.corrupt-2025-03-04T05-06-07-089Z.json');
  });

  it('fills sections a file does not have yet with defaults, without a notice', async () => {
    await writeFile(settingsPath(), JSON.stringify({ version: 1, profiles: [profile] }));
    const store = await SettingsStore.open({ dataDir });
    expect(store.notice).toBeUndefined();
    expect(store.get().preferences).toEqual({ language: 'system', theme: 'system' });
    expect(store.get().windowBounds).toBeNull();
  });

  it('keeps sections and preferences written by a newer version through a round trip', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({
        version: 1,
        budgets: { monthlyUsd: 20 },
        preferences: { language: 'zh-CN', currency: 'CNY' },
      }),
    );
    const store = await SettingsStore.open({ dataDir });
    await store.setPreferences({ theme: 'dark' });
    const written = await readJson();
    expect(written['budgets']).toEqual({ monthlyUsd: 20 });
    expect(written['preferences']).toEqual({ language: 'zh-CN', currency: 'CNY', theme: 'dark' });
  });

  it('strips an apiKey that somehow got into a profile', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({ version: 1, profiles: [{ ...profile, apiKey: 'hsa-leaked-0000' }] }),
    );
    const store = await SettingsStore.open({ dataDir });
    await store.setPreferences({ theme: 'dark' });
    expect(await readFile(settingsPath(), 'utf8')).not.toContain('hsa-leaked-0000');
  });

  it('ignores and removes a half-written temp file left by a crash', async () => {
    const store = await SettingsStore.open({ dataDir });
    await store.setPreferences({ language: 'en' });
    const before = await readFile(settingsPath(), 'utf8');
    // What a crash between write and rename leaves behind: a truncated temp file beside the real one.
    const leftover = join(dataDir, 'settings.json.12345-abcdef.tmp');
    await writeFile(leftover, before.slice(0, 20));

    const reopened = await SettingsStore.open({ dataDir });
    expect(reopened.notice).toBeUndefined();
    expect(reopened.get().preferences.language).toBe('en');
    expect(await readdir(dataDir)).toEqual(['settings.json']);
  });

  it('serialises concurrent updates: every change lands and the file is always whole', async () => {
    const store = await SettingsStore.open({ dataDir });
    const updates = Array.from({ length: 25 }, (_, i) =>
      store.update((draft) => {
        draft.profiles.push({ ...profile, id: `p${i}`, fallbackBaseUrls: [] });
      }),
    );
    await Promise.all(updates);
    const reopened = await SettingsStore.open({ dataDir });
    expect(reopened.get().profiles.map((p) => p.id)).toEqual(
      Array.from({ length: 25 }, (_, i) => `p${i}`),
    );
    expect(await readdir(dataDir)).toEqual(['settings.json']);
  });

  it('reports a write failure as settings_write_failed', async () => {
    const store = await SettingsStore.open({ dataDir });
    await rm(dataDir, { recursive: true, force: true });
    const error = await store.setPreferences({ theme: 'dark' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FleeceError);
    expect(error).toMatchObject({ code: 'settings_write_failed', details: { reason: 'ENOENT' } });
  });

  it('starts with defaults and a notice when the file cannot be read', async () => {
    await mkdir(settingsPath());
    const store = await SettingsStore.open({ dataDir });
    expect(store.notice).toMatchObject({ code: 'settings_unreadable' });
    expect(store.notice?.text).toEqual({
      code: 'settings_unreadable',
      params: { reason: 'EISDIR' },
    });
    expect(store.get().profiles).toEqual([]);
    await expect(store.setPreferences({ theme: 'dark' })).rejects.toMatchObject({
      code: 'settings_write_failed',
    });
  });
});
