/**
 * The platform's electron-updater class, new each time (a changed feed gets a fresh updater).
 * Chosen as electron-updater's own `autoUpdater` chooses: NSIS on Windows, the native updater on
 * macOS, on Linux the AppImage updater unless electron-builder marked the package as a deb/rpm
 * (`resources/package-type`). Signature and checksum checks stay as electron-updater has them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import updaterModule from 'electron-updater';
import type { AppUpdater } from 'electron-updater';
import { writeFeedConfig } from '../updates/feedConfig';
import type { UpdaterPort } from '../updates/UpdateService';

/** `configDir` holds the config file of a feed the user set (see writeFeedConfig). */
export function createElectronUpdater(feedUrl: string | null, configDir: string): UpdaterPort {
  const updater = platformUpdater();
  if (feedUrl) updater.updateConfigPath = writeFeedConfig(configDir, feedUrl);
  return updater;
}

function platformUpdater(): AppUpdater {
  const { AppImageUpdater, DebUpdater, MacUpdater, NsisUpdater, RpmUpdater } = updaterModule;
  if (process.platform === 'win32') return new NsisUpdater();
  if (process.platform === 'darwin') return new MacUpdater();
  const marker = join(process.resourcesPath, 'package-type');
  const kind = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';
  if (kind === 'deb') return new DebUpdater();
  if (kind === 'rpm') return new RpmUpdater();
  return new AppImageUpdater();
}
