import { coded, type Code, type CodedText } from '../../shared/codes';
import { KeytarSecretStore, type KeytarLike } from './KeytarSecretStore';
import { DEFAULT_SECRET_SERVICE, type SecretStore } from './SecretStore';
import { SessionSecretStore } from './SessionSecretStore';

export interface CreateSecretStoreOptions {
  /** 'memory' = the harness's `--secrets memory`: never touch the keychain. */
  mode: 'keychain' | 'memory';
  service?: string;
  /** How keytar is loaded; defaults to a dynamic import so a broken native build cannot crash start-up. */
  loadKeytar?: () => Promise<KeytarLike>;
  /**
   * How long the probe may take. Generous because a desktop keyring may show an unlock prompt
   * and the user needs time to type a password.
   */
  probeTimeoutMs?: number;
}

const PROBE_ACCOUNT = 'fleece-keychain-probe';
const PROBE_SECRET = 'probe';

/**
 * The keychain when it works, otherwise the session store with a plain reason — never a silent
 * fallback and never plaintext on disk. The probe writes, reads back and deletes a throwaway
 * entry: a bare read succeeds even on a locked keyring (nothing to unlock for "not found"),
 * so only a write tells whether keys can actually be saved.
 */
export async function createSecretStore(options: CreateSecretStoreOptions): Promise<SecretStore> {
  const service = options.service ?? DEFAULT_SECRET_SERVICE;
  if (options.mode === 'memory') {
    return new SessionSecretStore(coded('keychain_memory'));
  }

  let keytar: KeytarLike;
  try {
    keytar = await (options.loadKeytar ?? loadKeytar)();
  } catch (error) {
    return new SessionSecretStore(coded('keychain_module_failed', { detail: describe(error) }));
  }

  try {
    await withTimeout(probe(keytar, service), options.probeTimeoutMs ?? 15_000);
  } catch (error) {
    return new SessionSecretStore(explainKeychainFailure(error));
  }
  return new KeytarSecretStore(keytar, service);
}

async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  const keytar = mod.default ?? mod;
  if (typeof keytar.getPassword !== 'function') throw new Error('keytar exports no getPassword');
  return keytar;
}

async function probe(keytar: KeytarLike, service: string): Promise<void> {
  await keytar.getPassword(service, PROBE_ACCOUNT);
  await keytar.setPassword(service, PROBE_ACCOUNT, PROBE_SECRET);
  const readBack = await keytar.getPassword(service, PROBE_ACCOUNT);
  await keytar.deletePassword(service, PROBE_ACCOUNT);
  if (readBack !== PROBE_SECRET) throw new Error('the keychain did not return what was just saved');
}

class ProbeTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Turns libsecret/D-Bus/Keychain errors into what a user can act on; the system's own words
 * travel as `detail`.
 */
export function explainKeychainFailure(error: unknown): CodedText {
  const detail = describe(error);
  const say = (code: Code): CodedText => coded(code, { detail });
  if (error instanceof ProbeTimeout) return say('keychain_no_answer');
  if (/ServiceUnknown|org\.freedesktop\.secrets|not provided by any \.service/i.test(detail)) {
    return say('keychain_no_service');
  }
  if (/IsLocked|locked|prompt|dismiss|cancel|collection|Object does not exist/i.test(detail)) {
    return say('keychain_locked');
  }
  if (/D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect/i.test(detail)) {
    return say('keychain_no_dbus');
  }
  return say('keychain_unusable');
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
