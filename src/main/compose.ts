import type { EmitEvent, Handlers } from '../shared/contract';
import type { AppNotice } from '../shared/contract/app';
import { APP_NAME, APP_VERSION } from '../shared/app-info';
import { checkExternalUrl } from './app/externalLinks';
import type { Logger } from './log/Logger';
import type { WindowBounds } from './window/bounds';

/** Everything the services need from their host (Electron main or the browser harness). */
export interface HostDeps {
  dataDir: string;
  /** Electron passes `net.fetch` (system proxy); the harness passes Node's fetch. */
  fetch: typeof globalThis.fetch;
  secrets: 'keychain' | 'memory';
  emit: EmitEvent;
  openExternal: (url: string) => Promise<void>;
  log: Logger;
  platform: string;
  env: Record<string, string | undefined>;
  now?: () => number;
}

export interface Composition {
  handlers: Handlers;
  windowState: { get(): WindowBounds | undefined; set(bounds: WindowBounds): void };
  notices: AppNotice[];
  dispose(): Promise<void>;
}

/** The single composition root shared by Electron main and the harness. */
export async function composeServices(deps: HostDeps): Promise<Composition> {
  const notices: AppNotice[] = [];

  const handlers: Handlers = {
    'app.info': () => ({
      name: APP_NAME,
      version: APP_VERSION,
      platform: deps.platform,
      dataDir: deps.dataDir,
      notices,
    }),
    'app.openExternal': async ({ url }) => {
      await deps.openExternal(checkExternalUrl(url));
      return { opened: true as const };
    },
  };

  let bounds: WindowBounds | undefined;
  return {
    handlers,
    windowState: {
      get: () => bounds,
      set: (b) => {
        bounds = b;
      },
    },
    notices,
    async dispose() {},
  };
}
