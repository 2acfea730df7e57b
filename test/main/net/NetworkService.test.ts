import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetworkService, PROXY_PASSWORD_ACCOUNT } from '../../../src/main/net/NetworkService';
import type { ProxyPlan } from '../../../src/main/net/proxyPlan';
import { ProfileService } from '../../../src/main/profiles';
import { SessionSecretStore } from '../../../src/main/secrets/SessionSecretStore';
import { SettingsStore } from '../../../src/main/settings';

let dataDir: string;
let applied: ProxyPlan[];
let secrets: SessionSecretStore;
let service: NetworkService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fleece-network-'));
  const settings = await SettingsStore.open({ dataDir });
  secrets = new SessionSecretStore({ code: 'keychain_memory' });
  applied = [];
  service = new NetworkService({
    settings,
    secrets,
    profiles: new ProfileService({ settings, secrets }),
    host: { apply: async (plan) => void applied.push(plan) },
    fetch: globalThis.fetch,
    log: () => undefined,
  });
  await service.start();
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('NetworkService', () => {
  it('starts with the system proxy and loopback going direct', async () => {
    expect(applied[0]).toMatchObject({
      mode: 'system',
      bypass: ['localhost', '127.0.0.0/8', '::1'],
    });
    expect(await service.state()).toMatchObject({ passwordSet: false });
  });

  it('keeps the proxy password in the keychain, never in settings.json, and applies it at once', async () => {
    const state = await service.update({
      mode: 'manual',
      protocol: 'socks5',
      host: '10.1.2.3',
      port: 1080,
      username: 'me',
      password: 'hunter2-proxy',
    });
    expect(state.passwordSet).toBe(true);
    expect(await secrets.get(PROXY_PASSWORD_ACCOUNT)).toBe('hunter2-proxy');
    const file = await readFile(join(dataDir, 'settings.json'), 'utf8');
    expect(file).toContain('10.1.2.3');
    expect(file).not.toContain('hunter2-proxy');
    expect(applied.at(-1)).toMatchObject({ mode: 'manual', password: 'hunter2-proxy', port: 1080 });

    await service.update({ password: null });
    expect(await secrets.get(PROXY_PASSWORD_ACCOUNT)).toBeNull();
    expect(applied.at(-1)?.password).toBeNull();
  });

  it('refuses a manual proxy without a port, a bad bypass entry and a CA file that is not PEM', async () => {
    await expect(
      service.update({ mode: 'manual', host: 'proxy', port: null }),
    ).rejects.toMatchObject({
      code: 'proxy_host_missing',
    });
    await expect(service.update({ bypass: ['http://x'] })).rejects.toMatchObject({
      code: 'proxy_bypass_invalid',
    });
    const notPem = join(dataDir, 'ca.txt');
    await writeFile(notPem, 'hello');
    await expect(service.update({ caFile: notPem })).rejects.toMatchObject({
      code: 'proxy_ca_not_pem',
    });
    await expect(service.update({ caFile: join(dataDir, 'missing.pem') })).rejects.toMatchObject({
      code: 'proxy_ca_unreadable',
    });
    expect(applied).toHaveLength(1);
  });
});
