import { describe, expect, it } from 'vitest';
import {
  createSecretStore,
  explainKeychainFailure,
} from '../../../src/main/secrets/createSecretStore';
import type { KeytarLike } from '../../../src/main/secrets/KeytarSecretStore';

describe('createSecretStore without a usable keychain module', () => {
  it('uses the session store and names the reason when keytar cannot be loaded', async () => {
    const store = await createSecretStore({
      mode: 'keychain',
      loadKeytar: () => Promise.reject(new Error('keytar.node: wrong ELF class')),
    });
    expect(store.backend).toBe('session');
    expect(store.unavailableReason).toEqual({
      code: 'keychain_module_failed',
      params: { detail: 'keytar.node: wrong ELF class' },
    });
  });

  it('uses the session store when the probe never answers', async () => {
    const hanging: KeytarLike = {
      getPassword: () => new Promise(() => undefined),
      setPassword: () => new Promise(() => undefined),
      deletePassword: () => new Promise(() => undefined),
    };
    const store = await createSecretStore({
      mode: 'keychain',
      loadKeytar: async () => hanging,
      probeTimeoutMs: 50,
    });
    expect(store.backend).toBe('session');
    expect(store.unavailableReason?.code).toBe('keychain_no_answer');
  });

  it('memory mode never touches the keychain and says so', async () => {
    const store = await createSecretStore({
      mode: 'memory',
      loadKeytar: () => Promise.reject(new Error('must not be called')),
    });
    expect(store.backend).toBe('session');
    expect(store.unavailableReason).toEqual({ code: 'keychain_memory' });
    await store.set('a', 'hsa-session-only-0001');
    expect(await store.get('a')).toBe('hsa-session-only-0001');
    expect(await store.delete('a')).toBe(true);
    expect(await store.get('a')).toBeNull();
  });
});

describe('explainKeychainFailure', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'keychain_no_dbus'],
    ['Cannot create an item in a locked collection', 'keychain_locked'],
    [
      'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
      'keychain_no_service',
    ],
    ['something else entirely', 'keychain_unusable'],
  ])('%s', (message, expected) => {
    expect(explainKeychainFailure(new Error(message))).toEqual({
      code: expected,
      params: { detail: message },
    });
  });
});
