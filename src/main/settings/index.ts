export {
  SettingsStore,
  SETTINGS_FILE,
  type SettingsNotice,
  type SettingsStoreOptions,
} from './SettingsStore';
export { SETTINGS_VERSION, defaultSettings, type Settings, type WindowBounds } from './schema';
export { FleeceError, isFleeceError } from '../errors/FleeceError';
export { writeFileAtomic } from './writeFileAtomic';
