import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOLYSHEEP, listPresets, PRESETS } from '../../../src/shared/rules/presets';
import { profileFixture, type ProfileFixture } from './profileFixture';

let fx: ProfileFixture;
beforeEach(async () => {
  fx = await profileFixture();
});
afterEach(async () => {
  await fx.cleanup();
});

describe('presets', () => {
  it('has HolySheep as the default relay, with a link to get a key', () => {
    expect(HOLYSHEEP.baseUrl).toBe('https://api.holysheep.ai/v1');
    expect(PRESETS.holysheep).toMatchObject({
      baseUrl: HOLYSHEEP.baseUrl,
      requiresKey: true,
      keyUrl: HOLYSHEEP.keyUrl,
    });
    expect(HOLYSHEEP.keyUrl).toMatch(/^https:\/\/www\.holysheep\.ai\//);
  });

  it('lists every preset with its base URL and whether it needs a key', () => {
    expect(listPresets().map((p) => [p.id, p.baseUrl, p.requiresKey])).toEqual([
      ['holysheep', 'https://api.holysheep.ai/v1', true],
      ['openai', 'https://api.openai.com/v1', true],
      ['deepseek', 'https://api.deepseek.com/v1', true],
      ['openrouter', 'https://openrouter.ai/api/v1', true],
      ['ollama', 'http://127.0.0.1:11434/v1', false],
      ['lmstudio', 'http://127.0.0.1:1234/v1', false],
      ['custom', '', true],
    ]);
  });
});

describe('ProfileService: create, update, delete', () => {
  it('creates a profile from a preset with its defaults and makes the first one active', async () => {
    const created = await fx.profiles.create({ preset: 'holysheep' });
    expect(created).toMatchObject({
      name: 'HolySheep',
      preset: 'holysheep',
      baseUrl: 'https://api.holysheep.ai/v1',
      fallbackBaseUrls: [],
      defaultModel: 'deepseek-chat',
      connectTimeoutMs: 10000,
      idleTimeoutMs: 60000,
      requiresKey: true,
      allowInsecureHttp: false,
    });
    expect(fx.profiles.activeProfileId()).toBe(created.id);
    const second = await fx.profiles.create({ preset: 'ollama' });
    expect(second.requiresKey).toBe(false);
    expect(fx.profiles.activeProfileId()).toBe(created.id);
    expect(fx.profiles.list().map((p) => p.id)).toEqual([created.id, second.id]);
  });

  it('persists across a new service instance (a restart)', async () => {
    const created = await fx.profiles.create({
      preset: 'custom',
      name: 'Mine',
      baseUrl: 'https://relay.example.com/v1/',
    });
    await fx.profiles.update(created.id, { idleTimeoutMs: 90_000 });
    const reopened = await fx.reopen();
    expect(reopened.list()).toEqual([{ ...created, idleTimeoutMs: 90_000 }]);
    expect(reopened.activeProfileId()).toBe(created.id);
  });

  it('normalises URLs: trailing slashes go, duplicate fallbacks collapse', async () => {
    const created = await fx.profiles.create({
      preset: 'custom',
      baseUrl: '  https://Relay.Example.com/v1//  ',
      fallbackBaseUrls: [
        'https://relay.example.com/v1',
        'https://backup.example.com/v1/',
        'https://backup.example.com/v1',
        '',
      ],
    });
    expect(created.baseUrl).toBe('https://relay.example.com/v1');
    expect(created.fallbackBaseUrls).toEqual(['https://backup.example.com/v1']);
  });

  it.each([
    ['no URL on Custom', {}, 'url_missing'],
    ['a non-URL', { baseUrl: 'api.example.com/v1' }, 'url_invalid'],
    ['ftp', { baseUrl: 'ftp://example.com/v1' }, 'url_protocol'],
    ['javascript:', { baseUrl: 'javascript:alert(1)' }, 'url_protocol'],
    ['credentials in the URL', { baseUrl: 'https://user:pw@example.com/v1' }, 'url_credentials'],
    ['a query', { baseUrl: 'https://example.com/v1?key=x' }, 'url_query'],
    [
      'a bad fallback',
      { baseUrl: 'https://example.com/v1', fallbackBaseUrls: ['file:///etc/passwd'] },
      'url_protocol',
    ],
    ['an empty name', { baseUrl: 'https://example.com/v1', name: '   ' }, 'name_invalid'],
    [
      'a too-short timeout',
      { baseUrl: 'https://example.com/v1', connectTimeoutMs: 10 },
      'timeout_invalid',
    ],
    [
      'a fractional timeout',
      { baseUrl: 'https://example.com/v1', idleTimeoutMs: 1500.5 },
      'timeout_invalid',
    ],
    [
      'a model with a line break',
      { baseUrl: 'https://example.com/v1', defaultModel: 'gpt\n4' },
      'model_invalid',
    ],
  ])('refuses %s with a stable code', async (_label, input, code) => {
    await expect(fx.profiles.create({ preset: 'custom', ...input })).rejects.toMatchObject({
      code,
    });
    expect(fx.profiles.list()).toEqual([]);
  });

  it('requires confirmation for plain http to another computer, not for loopback', async () => {
    const lan = { preset: 'custom' as const, baseUrl: 'http://192.168.1.20:8080/v1' };
    const refused = await fx.profiles.create(lan).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'url_insecure_http', details: { field: 'baseUrl' } });
    expect(refused).toMatchObject({ hint: { code: 'hint_confirm_http' } });
    expect((await fx.profiles.create({ ...lan, allowInsecureHttp: true })).allowInsecureHttp).toBe(
      true,
    );

    for (const baseUrl of [
      'http://127.0.0.1:11434/v1',
      'http://localhost:1234/v1',
      'http://[::1]:8000/v1',
      'http://127.0.0.2/v1',
    ]) {
      expect((await fx.profiles.create({ preset: 'custom', baseUrl })).allowInsecureHttp).toBe(
        false,
      );
    }
    await expect(
      fx.profiles.create({
        preset: 'custom',
        baseUrl: 'https://a.example/v1',
        fallbackBaseUrls: ['http://b.example/v1'],
      }),
    ).rejects.toMatchObject({ code: 'url_insecure_http' });
  });

  it('drops the http confirmation once no insecure URL is left, so a later one asks again', async () => {
    const p = await fx.profiles.create({
      preset: 'custom',
      baseUrl: 'http://relay.lan/v1',
      allowInsecureHttp: true,
    });
    const secured = await fx.profiles.update(p.id, { baseUrl: 'https://relay.lan/v1' });
    expect(secured.allowInsecureHttp).toBe(false);
    await expect(
      fx.profiles.update(p.id, { baseUrl: 'http://relay.lan/v1' }),
    ).rejects.toMatchObject({ code: 'url_insecure_http' });
  });

  it('update validates and leaves the stored profile alone on failure', async () => {
    const p = await fx.profiles.create({ preset: 'openai' });
    await expect(fx.profiles.update(p.id, { baseUrl: 'ftp://x' })).rejects.toMatchObject({
      code: 'url_protocol',
    });
    expect(fx.profiles.get(p.id)).toEqual(p);
  });

  it('delete moves the active profile to the next one; unknown ids are profile_not_found', async () => {
    const a = await fx.profiles.create({ preset: 'holysheep' });
    const b = await fx.profiles.create({ preset: 'deepseek' });
    await fx.profiles.delete(a.id);
    expect(fx.profiles.list().map((p) => p.id)).toEqual([b.id]);
    expect(fx.profiles.activeProfileId()).toBe(b.id);
    await fx.profiles.delete(b.id);
    expect(fx.profiles.activeProfileId()).toBeNull();
    await expect(fx.profiles.delete(a.id)).rejects.toMatchObject({ code: 'profile_not_found' });
    await expect(fx.profiles.setActive('nope')).rejects.toMatchObject({
      code: 'profile_not_found',
    });
  });
});
