import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretStore } from '../../../src/main/secrets/createSecretStore';
import type { KeytarLike } from '../../../src/main/secrets/KeytarSecretStore';
import type { SecretStore } from '../../../src/main/secrets/SecretStore';
import { requireRealKeychain, testServiceName } from './keychainSession';

const service = testServiceName('store');
const accounts = ['acc-set', 'acc-replace', 'acc-delete'];
let store: SecretStore;
let keytar: KeytarLike;

beforeAll(async () => {
  ({ store, keytar } = await requireRealKeychain(service));
});

afterAll(async () => {
  for (const account of accounts) await keytar?.deletePassword(service, account);
});

describe('KeytarSecretStore on the real keychain', () => {
  it('is the keychain backend with no unavailable reason', () => {
    expect(store.backend).toBe('keychain');
    expect(store.unavailableReason).toBeUndefined();
  });

  it('stores a secret that keytar itself can read under the service and account', async () => {
    await store.set('acc-set', 'hsa-first-secret-0001');
    expect(await store.get('acc-set')).toBe('hsa-first-secret-0001');
    expect(await keytar.getPassword(service, 'acc-set')).toBe('hsa-first-secret-0001');
  });

  it('replaces a secret in place', async () => {
    await store.set('acc-replace', 'hsa-old-value-0001');
    await store.set('acc-replace', 'hsa-new-value-0002');
    expect(await store.get('acc-replace')).toBe('hsa-new-value-0002');
  });

  it('deletes a secret and reports whether there was one', async () => {
    await store.set('acc-delete', 'hsa-to-delete-0003');
    expect(await store.delete('acc-delete')).toBe(true);
    expect(await store.get('acc-delete')).toBeNull();
    expect(await keytar.getPassword(service, 'acc-delete')).toBeNull();
    expect(await store.delete('acc-delete')).toBe(false);
  });

  it('returns null for an account that was never set', async () => {
    expect(await store.get('never-set')).toBeNull();
  });

  it('leaves no probe entry behind after createSecretStore', async () => {
    const again = await createSecretStore({ mode: 'keychain', service });
    expect(again.backend).toBe('keychain');
    expect(await keytar.getPassword(service, 'fleece-keychain-probe')).toBeNull();
  });
});
