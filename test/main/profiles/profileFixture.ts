import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileService } from '../../../src/main/profiles/ProfileService';
import type { SecretStore } from '../../../src/main/secrets/SecretStore';
import { SessionSecretStore } from '../../../src/main/secrets/SessionSecretStore';
import { SettingsStore } from '../../../src/main/settings/SettingsStore';

export interface ProfileFixture {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  profiles: ProfileService;
  /** A new SettingsStore + ProfileService on the same data dir and secret store (a restart). */
  reopen(): Promise<ProfileService>;
  cleanup(): Promise<void>;
}

export async function profileFixture(
  secrets: SecretStore = new SessionSecretStore({ code: 'keychain_memory' }),
): Promise<ProfileFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fleece-profiles-'));
  const settings = await SettingsStore.open({ dataDir });
  return {
    dataDir,
    settings,
    secrets,
    profiles: new ProfileService({ settings, secrets }),
    async reopen() {
      return new ProfileService({ settings: await SettingsStore.open({ dataDir }), secrets });
    },
    async cleanup() {
      await settings.flush();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
