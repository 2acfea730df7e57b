import { describe, expect, it } from 'vitest';
import { appHandlers } from '../../../src/main/routes/appRoutes';
import { isFleeceError } from '../../../src/main/errors/FleeceError';

function handlers(openPath: (path: string) => Promise<void>) {
  return appHandlers({
    platform: 'linux',
    dataDir: '/home/an/.config/Fleece',
    homeDir: '/home/an',
    notices: [],
    openExternal: async () => undefined,
    openPath,
    fetch: globalThis.fetch,
  });
}

describe('app.openDataFolder', () => {
  it('opens the real data folder (not the ~ form shown to the user)', async () => {
    const opened: string[] = [];
    const res = await handlers(async (path) => {
      opened.push(path);
    })['app.openDataFolder']({});
    expect(res).toEqual({ opened: true });
    expect(opened).toEqual(['/home/an/.config/Fleece']);
  });

  it('reports a folder the system cannot open with the path as shown and the system’s words', async () => {
    const open = handlers(async () => {
      throw new Error('No application is registered as handling this file');
    })['app.openDataFolder'];
    const err: unknown = await Promise.resolve()
      .then(() => open({}))
      .catch((e: unknown) => e);
    expect(isFleeceError(err)).toBe(true);
    if (!isFleeceError(err)) return;
    expect(err.code).toBe('folder_open_failed');
    expect(err.text).toEqual({ code: 'folder_open_failed', params: { path: '~/.config/Fleece' } });
    expect(err.detail).toBe('No application is registered as handling this file');
  });
});
