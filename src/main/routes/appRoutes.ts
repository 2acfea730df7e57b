import type { HandlersFor } from '../../shared/contract';
import type { appRoutes, AppNotice, StorageStatus } from '../../shared/contract/app';
import { APP_NAME, APP_VERSION } from '../../shared/app-info';
import { checkExternalUrl } from '../app/externalLinks';
import { fetchImageAsDataUrl } from '../app/fetchImage';
import type { LookupAll } from '../net/addressPolicy';
import { shownPath } from '../app/shownPath';
import { FleeceError } from '../errors/FleeceError';

export interface AppRouteDeps {
  platform: string;
  dataDir: string;
  /** The user's home folder: the data folder is shown under `~` when it is inside it. */
  homeDir?: string;
  notices: readonly AppNotice[];
  /** Whether history writes fail right now. */
  storage?: () => StorageStatus;
  openExternal: (url: string) => Promise<void>;
  /** Opens a file or folder with the system (Electron: `shell.openPath`). */
  openPath: (path: string) => Promise<void>;
  fetch: typeof globalThis.fetch;
  lookupHost?: LookupAll;
}

export function appHandlers(deps: AppRouteDeps): HandlersFor<typeof appRoutes> {
  const shownDataDir = deps.homeDir
    ? shownPath(deps.dataDir, deps.homeDir, deps.platform)
    : deps.dataDir;
  return {
    'app.info': () => ({
      name: APP_NAME,
      version: APP_VERSION,
      platform: deps.platform,
      dataDir: shownDataDir,
      notices: [...deps.notices],
      ...(deps.storage ? { storage: deps.storage() } : {}),
    }),
    'app.openExternal': async ({ url }) => {
      await deps.openExternal(checkExternalUrl(url));
      return { opened: true as const };
    },
    'app.openDataFolder': async () => {
      try {
        await deps.openPath(deps.dataDir);
      } catch (err) {
        // The system's own reason (no file manager, the folder gone) goes along, quoted.
        throw new FleeceError('folder_open_failed', {
          params: { path: shownDataDir },
          detail: err instanceof Error ? err.message : String(err),
          cause: err,
        });
      }
      return { opened: true as const };
    },
    'app.fetchImage': async ({ url }) => ({
      dataUrl: await fetchImageAsDataUrl(
        deps.fetch,
        url,
        deps.lookupHost ? { lookup: deps.lookupHost } : {},
      ),
    }),
  };
}
