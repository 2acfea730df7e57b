import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { DEFAULT_SECRET_SERVICE, type SecretStore } from './SecretStore';

/** The part of keytar we use; tests and other bindings can provide the same shape. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The OS keychain through keytar: service `Fleece`, account = profile id. */
export class KeytarSecretStore implements SecretStore {
  readonly backend = 'keychain' as const;

  constructor(
    private readonly keytar: KeytarLike,
    readonly service: string = DEFAULT_SECRET_SERVICE,
  ) {}

  async get(account: string): Promise<string | null> {
    try {
      return await this.keytar.getPassword(this.service, account);
    } catch (error) {
      throw keychainError('read', error);
    }
  }

  async set(account: string, secret: string): Promise<void> {
    try {
      await this.keytar.setPassword(this.service, account, secret);
    } catch (error) {
      throw keychainError('save', error);
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await this.keytar.deletePassword(this.service, account);
    } catch (error) {
      throw keychainError('delete', error);
    }
  }
}

// keytar's messages name the D-Bus/keychain failure, never the secret, so they are safe to show.
function keychainError(action: 'read' | 'save' | 'delete', error: unknown): FleeceError {
  const detail = error instanceof Error ? error.message : String(error);
  return new FleeceError('keychain_error', {
    text: `keychain_${action}_failed`,
    detail,
    hint: coded('hint_unlock_keychain'),
    cause: error,
  });
}
