export type { SecretStore } from './SecretStore';
export { DEFAULT_SECRET_SERVICE } from './SecretStore';
export { KeytarSecretStore, type KeytarLike } from './KeytarSecretStore';
export { SessionSecretStore } from './SessionSecretStore';
export {
  createSecretStore,
  explainKeychainFailure,
  type CreateSecretStoreOptions,
} from './createSecretStore';
