import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileFixture, type ProfileFixture } from './profileFixture';

let fx: ProfileFixture;
beforeEach(async () => {
  fx = await profileFixture();
});
afterEach(async () => {
  await fx.cleanup();
});

describe('ProfileService: keys on the session store', () => {
  it('refuses bad keys with stable codes and stores nothing', async () => {
    const p = await fx.profiles.create({ preset: 'holysheep' });
    for (const [raw, code] of [
      ['hsa-abc def12345', 'key_whitespace'],
      ['hsa-abc\ndef12345', 'key_line_break'],
      ['hsa-abc\u200bdef12345', 'key_invalid_character'],
      ['  ', 'key_empty'],
    ] as const) {
      await expect(fx.profiles.setKey(p.id, raw)).rejects.toMatchObject({ code });
    }
    expect((await fx.profiles.keyStatus(p.id)).hasKey).toBe(false);
  });

  it('warns (but stores) an sk- key on HolySheep only', async () => {
    const relay = await fx.profiles.create({ preset: 'holysheep' });
    const openai = await fx.profiles.create({ preset: 'openai' });
    const onRelay = await fx.profiles.setKey(relay.id, ' sk-proj-abcdefghijklmnop1234 ');
    expect(onRelay.warning).toMatchObject({ code: 'key_looks_like_openai' });
    expect(onRelay.status).toMatchObject({ hasKey: true, masked: 'sk-…1234', backend: 'session' });
    const onOpenAi = await fx.profiles.setKey(openai.id, 'sk-proj-abcdefghijklmnop1234');
    expect(onOpenAi.warning).toBeUndefined();
  });

  it('key status on the session store carries the reason', async () => {
    const p = await fx.profiles.create({ preset: 'holysheep' });
    expect(await fx.profiles.keyStatus(p.id)).toEqual({
      hasKey: false,
      masked: null,
      backend: 'session',
      unavailableReason: { code: 'keychain_memory' },
    });
  });

  it('resolveTarget: the active profile, its URLs, the key only as a non-enumerable field', async () => {
    const p = await fx.profiles.create({
      preset: 'holysheep',
      fallbackBaseUrls: ['https://backup.holysheep.ai/v1'],
      connectTimeoutMs: 5000,
    });
    await expect(fx.profiles.resolveTarget()).rejects.toMatchObject({ code: 'key_missing' });
    await fx.profiles.setKey(p.id, 'hsa-target-secret-0042');
    const target = await fx.profiles.resolveTarget();
    expect(target).toEqual({
      profileId: p.id,
      baseUrl: 'https://api.holysheep.ai/v1',
      fallbackBaseUrls: ['https://backup.holysheep.ai/v1'],
      model: 'deepseek-chat',
      connectTimeoutMs: 5000,
      idleTimeoutMs: 60000,
    });
    expect(target.apiKey).toBe('hsa-target-secret-0042');
    expect(JSON.stringify(target)).not.toContain('hsa-target-secret-0042');
    expect(Object.isFrozen(target)).toBe(true);
    expect((await fx.profiles.resolveTarget(p.id, { model: 'gpt-4o' })).model).toBe('gpt-4o');
  });

  it('resolveTarget: no key needed for a local server; clear errors otherwise', async () => {
    await expect(fx.profiles.resolveTarget()).rejects.toMatchObject({ code: 'no_profile' });
    const local = await fx.profiles.create({ preset: 'ollama' });
    await expect(fx.profiles.resolveTarget(local.id)).rejects.toMatchObject({
      code: 'model_missing',
    });
    const target = await fx.profiles.resolveTarget(local.id, { model: 'llama3.2:latest' });
    expect(target.apiKey).toBeUndefined();
    expect(target.baseUrl).toBe('http://127.0.0.1:11434/v1');
  });

  it('never writes a key into settings.json', async () => {
    const p = await fx.profiles.create({ preset: 'holysheep' });
    await fx.profiles.setKey(p.id, 'hsa-never-on-disk-9999');
    await fx.profiles.update(p.id, { name: 'Renamed' });
    await fx.settings.flush();
    expect(await readFile(join(fx.dataDir, 'settings.json'), 'utf8')).not.toContain(
      'never-on-disk',
    );
  });
});
