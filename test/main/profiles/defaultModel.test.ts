import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelCatalog } from '../../../src/main/models/ModelCatalog';
import { profileFixture, type ProfileFixture } from './profileFixture';

describe('a profile’s first model list picks its default model', () => {
  let fx: ProfileFixture;
  beforeEach(async () => {
    fx = await profileFixture();
  });
  afterEach(() => fx.cleanup());

  const catalogFor = (models: string[]) =>
    new ModelCatalog({
      dataDir: mkdtempSync(join(tmpdir(), 'fleece-models-')),
      baseUrlOf: (id) => fx.profiles.list().find((p) => p.id === id)?.baseUrl,
      fetchModels: async () => models,
      onListed: (id, listed) => fx.profiles.adoptDefaultModel(id, listed),
    });

  it('a profile with no default model adopts the first chat model listed, and keeps it', async () => {
    const p = await fx.profiles.create({ preset: 'custom', baseUrl: 'http://127.0.0.1:9/v1' });
    expect(fx.profiles.get(p.id).defaultModel).toBe('');
    await catalogFor(['text-embedding-3-small', 'qwen3:8b', 'llama3.1:8b']).list(p.id, false);
    expect(fx.profiles.get(p.id).defaultModel).toBe('qwen3:8b');
    // It is stored, and survives a restart.
    expect((await fx.reopen()).get(p.id).defaultModel).toBe('qwen3:8b');
    // A later list does not replace it.
    await catalogFor(['llama3.1:8b']).list(p.id, true);
    expect(fx.profiles.get(p.id).defaultModel).toBe('qwen3:8b');
  });

  it('never replaces a default the user chose, and an empty list picks nothing', async () => {
    const chosen = await fx.profiles.create({
      preset: 'custom',
      baseUrl: 'http://127.0.0.1:9/v1',
      defaultModel: 'my-model',
    });
    await catalogFor(['gpt-4o']).list(chosen.id, false);
    expect(fx.profiles.get(chosen.id).defaultModel).toBe('my-model');
    const empty = await fx.profiles.create({ preset: 'custom', baseUrl: 'http://127.0.0.1:8/v1' });
    expect(await fx.profiles.adoptDefaultModel(empty.id, [])).toBeNull();
    expect(fx.profiles.get(empty.id).defaultModel).toBe('');
  });

  it('a new conversation on a chosen profile takes that profile’s defaults', async () => {
    const a = await fx.profiles.create({ preset: 'holysheep' });
    const b = await fx.profiles.create({
      preset: 'custom',
      baseUrl: 'http://127.0.0.1:9/v1',
      systemPrompt: 'Be brief.',
    });
    expect(fx.profiles.activeProfileId()).toBe(a.id);
    expect(fx.profiles.newConversationDefaults(b.id)).toEqual({
      profileId: b.id,
      systemPrompt: 'Be brief.',
      temperature: null,
    });
    expect(fx.profiles.newConversationDefaults('gone')).toMatchObject({ profileId: a.id });
  });
});
