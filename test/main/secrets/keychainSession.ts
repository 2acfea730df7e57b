import { createSecretStore } from '../../../src/main/secrets/createSecretStore';
import type { KeytarLike } from '../../../src/main/secrets/KeytarSecretStore';
import type { SecretStore } from '../../../src/main/secrets/SecretStore';

export const KEYRING_COMMAND =
  'scripts/with-keyring.sh npx vitest run --project node test/main/secrets test/main/profiles test/main/settings';

/**
 * The real keychain, or a failure that says how to get one. Keychain tests must never skip
 * silently: outside a keyring session they fail with this message.
 */
export async function requireRealKeychain(
  service: string,
): Promise<{ store: SecretStore; keytar: KeytarLike }> {
  const store = await createSecretStore({ mode: 'keychain', service, probeTimeoutMs: 10_000 });
  if (store.backend !== 'keychain') {
    throw new Error(
      `These tests need a real, unlocked keychain (Secret Service). Run them inside a private keyring session:\n  ${KEYRING_COMMAND}\n` +
        `Why the keychain is unavailable here: ${JSON.stringify(store.unavailableReason ?? 'unknown')}`,
    );
  }
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  return { store, keytar: mod.default ?? mod };
}

/** A service name per test file so tests never touch a real `Fleece` entry or each other. */
export function testServiceName(label: string): string {
  return `Fleece-test-${label}-${process.pid}-${Date.now().toString(36)}`;
}
