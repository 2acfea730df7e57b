export {
  SettingsStore,
  SETTINGS_FILE,
  type SettingsNotice,
  type SettingsStoreOptions,
} from './SettingsStore';
export { SETTINGS_VERSION, defaultSettings, type Settings, type WindowBounds } from './schema';
export { ServiceError, isServiceError } from './ServiceError';
export { writeFileAtomic } from './writeFileAtomic';
