export { ProfileService, type ProfileServiceDeps } from './ProfileService';
export { maskApiKey, normalizeApiKey, keyWarningFor } from './apiKey';
export { normalizeBaseUrl } from './validateProfile';
export {
  detectFirstRun,
  importFromEnv,
  DEFAULT_LOCAL_TARGETS,
  LOCAL_PROBE_TIMEOUT_MS,
  type DetectFirstRunDeps,
  type LocalProbeTarget,
  type Env,
} from './firstRun';
