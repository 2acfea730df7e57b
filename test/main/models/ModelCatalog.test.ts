import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelCatalog, MODELS_CACHE_FILE } from '../../../src/main/models/ModelCatalog';
import { FleeceError } from '../../../src/main/errors/FleeceError';

const dir = () => mkdtempSync(join(tmpdir(), 'fleece-models-'));

describe('ModelCatalog', () => {
  it('fetches once, then serves the cache until asked to refresh', async () => {
    let calls = 0;
    const catalog = new ModelCatalog({
      dataDir: dir(),
      fetchModels: async () => {
        calls++;
        return ['deepseek-chat', 'gpt-4o'];
      },
      now: () => 1000,
    });
    expect(await catalog.list('p1', false)).toEqual({
      models: ['deepseek-chat', 'gpt-4o'],
      fetchedAt: 1000,
      fromCache: false,
    });
    expect(await catalog.list('p1', false)).toMatchObject({
      fromCache: true,
      models: ['deepseek-chat', 'gpt-4o'],
    });
    expect(calls).toBe(1);
    await catalog.list('p1', true);
    expect(calls).toBe(2);
  });

  it('keeps the list on disk for the next start (offline)', async () => {
    const dataDir = dir();
    await new ModelCatalog({ dataDir, fetchModels: async () => ['claude-3.5-sonnet'] }).list(
      'p1',
      true,
    );
    const offline = new ModelCatalog({
      dataDir,
      fetchModels: async () => {
        throw new FleeceError('network', { text: 'relay_unreachable' });
      },
    });
    expect(await offline.list('p1', false)).toMatchObject({
      models: ['claude-3.5-sonnet'],
      fromCache: true,
    });
    const refreshed = await offline.list('p1', true);
    expect(refreshed).toMatchObject({
      models: ['claude-3.5-sonnet'],
      fromCache: true,
      error: { code: 'network', text: { code: 'relay_unreachable' } },
    });
  });

  it('a corrupt cache file is ignored, not fatal', async () => {
    const dataDir = dir();
    writeFileSync(join(dataDir, MODELS_CACHE_FILE), '{not json');
    const catalog = new ModelCatalog({ dataDir, fetchModels: async () => ['m'] });
    expect(await catalog.list('p1', false)).toMatchObject({ models: ['m'], fromCache: false });
  });
});
