import { describe, expect, it } from 'vitest';
import { shownPath } from '../../../src/main/app/shownPath';
import { appHandlers } from '../../../src/main/routes/appRoutes';

describe('the data folder as shown', () => {
  it('reads ~ for the home folder on Linux and macOS', () => {
    expect(shownPath('/home/an/.config/Fleece', '/home/an', 'linux')).toBe('~/.config/Fleece');
    expect(shownPath('/home/an/.config/Fleece', '/home/an/', 'linux')).toBe('~/.config/Fleece');
    expect(shownPath('/Users/an/Library/Application Support/Fleece', '/Users/an', 'darwin')).toBe(
      '~/Library/Application Support/Fleece',
    );
    expect(shownPath('/home/an', '/home/an', 'linux')).toBe('~');
  });

  it('leaves other folders, a look-alike prefix, a root home and Windows as they are', () => {
    expect(shownPath('/srv/fleece', '/home/an', 'linux')).toBe('/srv/fleece');
    expect(shownPath('/home/anna/.config/Fleece', '/home/an', 'linux')).toBe(
      '/home/anna/.config/Fleece',
    );
    expect(shownPath('/data/Fleece', '/', 'linux')).toBe('/data/Fleece');
    expect(shownPath('C:\\Users\\an\\AppData\\Roaming\\Fleece', 'C:\\Users\\an', 'win32')).toBe(
      'C:\\Users\\an\\AppData\\Roaming\\Fleece',
    );
  });

  it('is what app.info reports', async () => {
    const handlers = appHandlers({
      platform: 'linux',
      dataDir: '/home/an/.config/Fleece',
      homeDir: '/home/an',
      notices: [],
      openExternal: async () => undefined,
      openPath: async () => undefined,
      fetch: globalThis.fetch,
    });
    const info = await handlers['app.info']({});
    expect(info.dataDir).toBe('~/.config/Fleece');
  });
});
