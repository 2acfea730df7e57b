import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where electron-updater keeps downloads (under the OS cache folder). */
export const UPDATER_CACHE_DIR = 'fleece-updater';

/**
 * Writes the user's feed as electron-updater's own config file (the shape electron-builder writes
 * into a package as `app-update.yml`), so a chosen feed works the same as a built-in one, in a
 * build made without one too. JSON strings are valid YAML scalars.
 */
export function writeFeedConfig(dir: string, feedUrl: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'app-update.yml');
  writeFileSync(
    file,
    `provider: generic\nurl: ${JSON.stringify(feedUrl)}\nupdaterCacheDirName: ${UPDATER_CACHE_DIR}\n`,
  );
  return file;
}
