import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelCatalog } from '../../../src/main/models/ModelCatalog';
import { FleeceError } from '../../../src/main/errors/FleeceError';

const dir = () => mkdtempSync(join(tmpdir(), 'fleece-models-'));

describe('ModelCatalog per base URL', () => {
  it('a profile pointed at another server never shows the old server’s list, even offline', async () => {
    const dataDir = dir();
    const baseUrl = { p1: 'http://127.0.0.1:1111/v1' } as Record<string, string>;
    let serving = ['old-server-model'];
    let reachable = true;
    const catalog = new ModelCatalog({
      dataDir,
      baseUrlOf: (id) => baseUrl[id],
      fetchModels: async () => {
        if (!reachable) throw new FleeceError('network', { text: 'relay_unreachable' });
        return serving;
      },
    });
    expect((await catalog.list('p1', false)).models).toEqual(['old-server-model']);

    baseUrl.p1 = 'http://127.0.0.1:2222/v1';
    reachable = false;
    const offline = await catalog.list('p1', false);
    expect(offline.models).toEqual([]);
    expect(offline.error?.code).toBe('network');

    reachable = true;
    serving = ['new-server-model'];
    expect(await catalog.list('p1', false)).toMatchObject({
      models: ['new-server-model'],
      fromCache: false,
    });
    // A restart reads the new server's list, and only it.
    const restarted = new ModelCatalog({
      dataDir,
      baseUrlOf: (id) => baseUrl[id],
      fetchModels: async () => {
        throw new FleeceError('network', { text: 'relay_unreachable' });
      },
    });
    expect(await restarted.list('p1', false)).toMatchObject({
      models: ['new-server-model'],
      fromCache: true,
    });
    baseUrl.p1 = 'http://127.0.0.1:1111/v1';
    expect((await restarted.list('p1', false)).models).toEqual([]);
  });

  it('tells each successful fetch, and not a failed one', async () => {
    const told: [string, string[]][] = [];
    let fail = false;
    const catalog = new ModelCatalog({
      dataDir: dir(),
      fetchModels: async () => {
        if (fail) throw new FleeceError('network', { text: 'relay_unreachable' });
        return ['gpt-4o'];
      },
      onListed: async (id, models) => told.push([id, models]),
    });
    await catalog.list('p1', false);
    await catalog.list('p1', false); // from the cache: nothing fetched
    fail = true;
    await catalog.list('p1', true);
    expect(told).toEqual([['p1', ['gpt-4o']]]);
  });

  it('forgetting a profile drops its lists for every server', async () => {
    const baseUrl = { p1: 'http://a/v1', p2: 'http://b/v1' } as Record<string, string>;
    let calls = 0;
    const catalog = new ModelCatalog({
      dataDir: dir(),
      baseUrlOf: (id) => baseUrl[id],
      fetchModels: async (id) => {
        calls++;
        return [`${id}-model`];
      },
    });
    await catalog.list('p1', false);
    await catalog.list('p2', false);
    await catalog.forget('p1');
    await catalog.list('p2', false);
    expect(calls).toBe(2);
    await catalog.list('p1', false);
    expect(calls).toBe(3);
  });
});
