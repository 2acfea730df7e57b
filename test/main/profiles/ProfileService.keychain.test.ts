import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KeytarLike } from '../../../src/main/secrets/KeytarSecretStore';
import type { SecretStore } from '../../../src/main/secrets/SecretStore';
import { requireRealKeychain, testServiceName } from '../secrets/keychainSession';
import { profileFixture, type ProfileFixture } from './profileFixture';

const service = testServiceName('profiles');
let secrets: SecretStore;
let keytar: KeytarLike;
let fx: ProfileFixture;
const created: string[] = [];

beforeAll(async () => {
  ({ store: secrets, keytar } = await requireRealKeychain(service));
});
beforeEach(async () => {
  fx = await profileFixture(secrets);
});
afterEach(async () => {
  created.push(...fx.profiles.list().map((p) => p.id));
  await fx.cleanup();
});
afterAll(async () => {
  for (const id of created) await keytar?.deletePassword(service, id);
});

async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const name of await readdir(dir)) {
    if ((await readFile(join(dir, name), 'utf8')).includes(needle)) hits.push(name);
  }
  return hits;
}

describe('ProfileService with the real keychain', () => {
  it('sets a key, reads it back through the service, replaces it, clears it', async () => {
    const p = await fx.profiles.create({ preset: 'holysheep' });
    const set = await fx.profiles.setKey(p.id, '  hsa-0123456789abcdef3f9a\n');
    expect(set).toEqual({ status: { hasKey: true, masked: 'hsa-…3f9a', backend: 'keychain' } });
    expect(await keytar.getPassword(service, p.id)).toBe('hsa-0123456789abcdef3f9a');
    expect((await fx.profiles.resolveTarget(p.id)).apiKey).toBe('hsa-0123456789abcdef3f9a');

    await fx.profiles.setKey(p.id, 'hsa-fedcba9876543210beef');
    expect(await fx.profiles.keyStatus(p.id)).toEqual({
      hasKey: true,
      masked: 'hsa-…beef',
      backend: 'keychain',
    });
    expect((await fx.profiles.resolveTarget(p.id)).apiKey).toBe('hsa-fedcba9876543210beef');

    expect(await fx.profiles.clearKey(p.id)).toEqual({
      hasKey: false,
      masked: null,
      backend: 'keychain',
    });
    expect(await keytar.getPassword(service, p.id)).toBeNull();
    await expect(fx.profiles.resolveTarget(p.id)).rejects.toMatchObject({ code: 'key_missing' });
  });

  it('keeps the key when the profile is renamed or edited, and across a restart', async () => {
    const p = await fx.profiles.create({ preset: 'holysheep' });
    await fx.profiles.setKey(p.id, 'hsa-rename-keeps-key-0001');
    await fx.profiles.update(p.id, { name: 'Work relay', defaultModel: 'gpt-4o' });
    expect((await fx.profiles.keyStatus(p.id)).masked).toBe('hsa-…0001');

    const restarted = await fx.reopen();
    expect(restarted.get(p.id).name).toBe('Work relay');
    expect((await restarted.resolveTarget()).apiKey).toBe('hsa-rename-keeps-key-0001');
  });

  it('removes the key when an edit points the profile at another server', async () => {
    const p = await fx.profiles.create({ preset: 'holysheep' });
    await fx.profiles.setKey(p.id, 'hsa-stays-with-its-host-01');
    // Same origin, other path: still the server the key was given for.
    await fx.profiles.update(p.id, { baseUrl: 'https://api.holysheep.ai/v1/' });
    expect((await fx.profiles.keyStatus(p.id)).hasKey).toBe(true);
    await fx.profiles.update(p.id, { fallbackBaseUrls: ['https://evil.example/v1'] });
    expect(await keytar.getPassword(service, p.id)).toBeNull();
    expect((await fx.profiles.keyStatus(p.id)).hasKey).toBe(false);
    await fx.profiles.setKey(p.id, 'hsa-stays-with-its-host-02');
    await fx.profiles.update(p.id, { baseUrl: 'https://other.example/v1', fallbackBaseUrls: [] });
    expect((await fx.profiles.keyStatus(p.id)).hasKey).toBe(false);
  });

  it('deleting a profile removes its keychain entry', async () => {
    const p = await fx.profiles.create({ preset: 'openai' });
    const other = await fx.profiles.create({ preset: 'deepseek' });
    await fx.profiles.setKey(p.id, 'sk-delete-me-0123456789');
    await fx.profiles.setKey(other.id, 'sk-keep-me-0123456789');
    expect(await keytar.getPassword(service, p.id)).toBe('sk-delete-me-0123456789');

    await fx.profiles.delete(p.id);
    expect(await keytar.getPassword(service, p.id)).toBeNull();
    expect(await keytar.getPassword(service, other.id)).toBe('sk-keep-me-0123456789');
  });

  it('the key is in the keychain only: nothing in the data directory contains it', async () => {
    const p = await fx.profiles.create({ preset: 'holysheep' });
    await fx.profiles.setKey(p.id, 'hsa-only-in-keychain-5150');
    await fx.profiles.update(p.id, { name: 'Renamed' });
    await fx.settings.flush();
    expect(await filesContaining(fx.dataDir, 'only-in-keychain')).toEqual([]);
  });
});
