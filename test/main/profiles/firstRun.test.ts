import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  detectFirstRun,
  importFromEnv,
  type LocalProbeTarget,
} from '../../../src/main/profiles/firstRun';
import { profileFixture, type ProfileFixture } from './profileFixture';

let fx: ProfileFixture;
let ollama: Server;
let ollamaBase: string;
let deadBase: string;
const requests: string[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`),
    ),
  );
}

beforeAll(async () => {
  // Pretends to be Ollama's OpenAI-compatible endpoint.
  ollama = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.url === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          data: [
            { id: 'qwen2.5:7b', object: 'model' },
            { id: 'llama3.2:latest', object: 'model' },
          ],
        }),
      );
    } else {
      res.writeHead(404).end();
    }
  });
  ollamaBase = await listen(ollama);
  // A port that was just free: nothing listens there, as when LM Studio is not running.
  const closed = createServer();
  deadBase = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  await new Promise((resolve) => ollama.close(resolve));
});
beforeEach(async () => {
  fx = await profileFixture();
  requests.length = 0;
});
afterEach(async () => {
  await fx.cleanup();
});

const targets = (): LocalProbeTarget[] => [
  { preset: 'ollama', baseUrl: ollamaBase },
  { preset: 'lmstudio', baseUrl: deadBase },
];

describe('detectFirstRun', () => {
  it('with no profile: needs setup and offers the local Ollama with its models', async () => {
    const state = await detectFirstRun({
      profiles: fx.profiles,
      env: {},
      fetch,
      localTargets: targets(),
    });
    expect(state).toEqual({
      needsSetup: true,
      local: [{ preset: 'ollama', baseUrl: ollamaBase, models: ['llama3.2:latest', 'qwen2.5:7b'] }],
    });
    expect(requests).toEqual(['GET /v1/models']);
  });

  it('offers the environment key masked, and creates nothing', async () => {
    const env = {
      OPENAI_API_KEY: 'sk-env-abcdefghijkl7777',
      OPENAI_BASE_URL: 'https://api.holysheep.ai/v1',
    };
    const state = await detectFirstRun({ profiles: fx.profiles, env, fetch, localTargets: [] });
    expect(state.envImport).toEqual({
      baseUrl: 'https://api.holysheep.ai/v1',
      keyMasked: 'sk-…7777',
    });
    expect(JSON.stringify(state)).not.toContain('abcdefghijkl');
    expect(fx.profiles.list()).toEqual([]);
  });

  it('a profile that still lacks its key does not count; one with a key or no need for one does', async () => {
    const relay = await fx.profiles.create({ preset: 'holysheep' });
    expect(
      (await detectFirstRun({ profiles: fx.profiles, env: {}, fetch, localTargets: [] }))
        .needsSetup,
    ).toBe(true);
    await fx.profiles.setKey(relay.id, 'hsa-now-usable-0001');
    expect(
      (await detectFirstRun({ profiles: fx.profiles, env: {}, fetch, localTargets: [] }))
        .needsSetup,
    ).toBe(false);
    await fx.profiles.delete(relay.id);
    await fx.profiles.create({ preset: 'ollama' });
    expect(
      (await detectFirstRun({ profiles: fx.profiles, env: {}, fetch, localTargets: [] }))
        .needsSetup,
    ).toBe(false);
  });

  it('with a usable profile: probes no local server, so start-up never waits for one', async () => {
    await fx.profiles.create({ preset: 'ollama' });
    const state = await detectFirstRun({
      profiles: fx.profiles,
      env: {},
      fetch,
      localTargets: targets(),
    });
    expect(state).toEqual({ needsSetup: false, local: [] });
    expect(requests).toEqual([]);
  });

  it('gives up on a server that does not answer within the probe timeout', async () => {
    const silent = createServer(() => undefined); // accepts, never responds
    const silentBase = await listen(silent);
    try {
      const state = await detectFirstRun({
        profiles: fx.profiles,
        env: {},
        fetch,
        localTargets: [{ preset: 'lmstudio', baseUrl: silentBase }],
        timeoutMs: 100,
      });
      expect(state.local).toEqual([]);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('importFromEnv', () => {
  it("imports OPENAI_API_KEY with OpenAI's URL only when called", async () => {
    const env = { OPENAI_API_KEY: ' sk-env-import-000011112222 ' };
    const { profile, key } = await importFromEnv(fx.profiles, env);
    expect(profile).toMatchObject({
      preset: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      name: 'OpenAI (from environment)',
    });
    expect(key.status).toMatchObject({ hasKey: true, masked: 'sk-…2222' });
    expect((await fx.profiles.resolveTarget(profile.id)).apiKey).toBe('sk-env-import-000011112222');
  });

  it('uses OPENAI_BASE_URL, and warns about an sk- key on HolySheep', async () => {
    const env = {
      OPENAI_API_KEY: 'sk-env-import-000011112222',
      OPENAI_BASE_URL: 'https://api.holysheep.ai/v1/',
    };
    const { profile, key } = await importFromEnv(fx.profiles, env);
    expect(profile).toMatchObject({ preset: 'holysheep', baseUrl: 'https://api.holysheep.ai/v1' });
    expect(key.warning?.code).toBe('key_looks_like_openai');
  });

  it('a custom URL becomes a Custom profile named after its host', async () => {
    const { profile } = await importFromEnv(fx.profiles, {
      OPENAI_API_KEY: 'k-0123456789abcdef',
      OPENAI_BASE_URL: 'https://llm.corp.example/v1',
    });
    expect(profile).toMatchObject({
      preset: 'custom',
      name: 'llm.corp.example (from environment)',
    });
  });

  it('refuses without a key, or with a bad one, and leaves no profile behind', async () => {
    await expect(importFromEnv(fx.profiles, {})).rejects.toMatchObject({ code: 'env_key_missing' });
    await expect(
      importFromEnv(fx.profiles, { OPENAI_API_KEY: 'sk-two\nlines-0000' }),
    ).rejects.toMatchObject({ code: 'key_line_break' });
    await expect(
      importFromEnv(fx.profiles, {
        OPENAI_API_KEY: 'sk-abc-0123456789',
        OPENAI_BASE_URL: 'http://relay.lan/v1',
      }),
    ).rejects.toMatchObject({ code: 'url_insecure_http' });
    expect(fx.profiles.list()).toEqual([]);
  });
});
