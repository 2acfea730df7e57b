import type { EmitEvent, HandlersFor } from '../../shared/contract';
import type { ProfilesState, profileRoutes } from '../../shared/contract/profiles';
import { detectFirstRun, importFromEnv, type ProfileService } from '../profiles';
import type { SettingsStore } from '../settings';
import type { ModelCatalog } from '../models/ModelCatalog';

export interface ProfileRouteDeps {
  profiles: ProfileService;
  /** A deleted profile's model lists go with it. */
  models?: Pick<ModelCatalog, 'forget'>;
  settings: SettingsStore;
  env: Record<string, string | undefined>;
  /** Node's fetch for loopback probes: a system proxy must not catch 127.0.0.1. */
  localFetch: typeof globalThis.fetch;
  emit: EmitEvent;
}

export function profileHandlers(deps: ProfileRouteDeps): HandlersFor<typeof profileRoutes> {
  const { profiles, settings } = deps;
  const state = (): ProfilesState => ({
    profiles: profiles.list(),
    activeProfileId: profiles.activeProfileId(),
  });
  const changed = (): void => deps.emit('profiles.changed', state());
  return {
    'profiles.list': () => state(),
    'profiles.create': async (input) => {
      const p = await profiles.create(input);
      changed();
      return p;
    },
    'profiles.update': async ({ id, patch }) => {
      const p = await profiles.update(id, patch);
      changed();
      return p;
    },
    'profiles.delete': async ({ id }) => {
      await profiles.delete(id);
      await deps.models?.forget(id);
      changed();
      return { deleted: true as const };
    },
    'profiles.setActive': async ({ id }) => {
      await profiles.setActive(id);
      changed();
      return state();
    },
    'keys.set': ({ profileId, key }) => profiles.setKey(profileId, key),
    'keys.clear': ({ profileId }) => profiles.clearKey(profileId),
    'keys.status': ({ profileId }) => profiles.keyStatus(profileId),
    'onboarding.detect': () => detectFirstRun({ profiles, env: deps.env, fetch: deps.localFetch }),
    'onboarding.importEnv': async () => {
      const { profile } = await importFromEnv(profiles, deps.env);
      changed();
      return profile;
    },
    'preferences.get': () => settings.get().preferences,
    'preferences.update': (patch) => settings.setPreferences(patch),
  };
}
