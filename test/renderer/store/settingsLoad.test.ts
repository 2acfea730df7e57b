import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/renderer/src/store';
import { createFakeClient } from '../fakeClient';
import type { Profile } from '../../../src/shared/types/profiles';

describe('settings load at start-up', () => {
  it('does not wait for the key status, which arrives afterwards', async () => {
    let release = (): void => undefined;
    const fake = createFakeClient({
      'preferences.get': () => ({ language: 'en', theme: 'system' }) as never,
      'profiles.list': () => ({
        profiles: [{ id: 'p1' } as Profile],
        activeProfileId: 'p1',
        presets: [],
      }),
      'keys.status': async () => {
        await new Promise<void>((r) => (release = r));
        return { hasKey: true, masked: 'hsa-…3f9a', storage: 'keychain' } as never;
      },
    });
    const store = createAppStore(fake.client);
    await store.getState().settingsActions.load();
    expect(store.getState().settingsLoaded).toBe(true);
    expect(store.getState().activeProfileId).toBe('p1');
    expect(store.getState().keyStatus['p1']).toBeUndefined();
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().keyStatus['p1']).toMatchObject({ hasKey: true });
  });
});
