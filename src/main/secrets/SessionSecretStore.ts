import type { CodedText } from '../../shared/codes';
import type { SecretStore } from './SecretStore';

/** Keys in memory for this run only: used when there is no usable keychain. Nothing touches disk. */
export class SessionSecretStore implements SecretStore {
  readonly backend = 'session' as const;
  readonly unavailableReason: CodedText;
  private readonly secrets = new Map<string, string>();

  constructor(unavailableReason: CodedText) {
    this.unavailableReason = unavailableReason;
  }

  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.secrets.delete(account);
  }
}
