import type { CodedText } from '../../shared/codes';
import type { SecretBackend } from '../../shared/types/profiles';

/**
 * Where API keys live. One implementation per backend; callers never learn which one beyond
 * `backend` and `unavailableReason`, so swapping keytar for another keychain binding is one file.
 * Implementations never write a secret to disk in plaintext.
 */
export interface SecretStore {
  readonly backend: SecretBackend;
  /** Set on the session backend: why keys are not in the keychain (translated by the renderer). */
  readonly unavailableReason?: CodedText;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

export const DEFAULT_SECRET_SERVICE = 'Fleece';
