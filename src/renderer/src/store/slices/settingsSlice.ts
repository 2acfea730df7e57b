import type { ModelList } from '../../../../shared/contract/models';
import type { AppError } from '../../../../shared/result';
import type {
  FirstRunState,
  KeyStatus,
  Preferences,
  PreferencesPatch,
  PresetInfo,
  Profile,
  ProfileInput,
  ProfilePatch,
  SetKeyResult,
} from '../../../../shared/types/profiles';
import type { SliceDeps } from '../types';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: AppError };

export interface SettingsSlice {
  profiles: Profile[];
  activeProfileId: string | null;
  presets: PresetInfo[];
  keyStatus: Record<string, KeyStatus>;
  preferences: Preferences | null;
  models: Record<string, ModelList>;
  firstRun: FirstRunState | null;
  settingsLoaded: boolean;
  activeProfile(): Profile | undefined;
  settingsActions: {
    load(): Promise<void>;
    createProfile(input: ProfileInput): Promise<ActionResult<Profile>>;
    updateProfile(id: string, patch: ProfilePatch): Promise<ActionResult<Profile>>;
    deleteProfile(id: string): Promise<ActionResult<true>>;
    setActiveProfile(id: string): Promise<void>;
    setKey(profileId: string, key: string): Promise<ActionResult<SetKeyResult>>;
    clearKey(profileId: string): Promise<void>;
    refreshKeyStatus(profileId: string): Promise<void>;
    updatePreferences(patch: PreferencesPatch): Promise<void>;
    loadModels(profileId: string, refresh?: boolean): Promise<ModelList | null>;
    detectFirstRun(): Promise<void>;
    importFromEnv(): Promise<ActionResult<Profile>>;
  };
}

export function createSettingsSlice({ set, get, client }: SliceDeps): SettingsSlice {
  const refreshProfiles = async (waitForKeys = true): Promise<void> => {
    const res = await client.call('profiles.list', {});
    if (!res.ok) return get().ui.showToast(res.error);
    set({
      profiles: res.data.profiles,
      activeProfileId: res.data.activeProfileId,
      presets: res.data.presets,
    });
    const keys = Promise.all(
      res.data.profiles.map((p) => get().settingsActions.refreshKeyStatus(p.id)),
    );
    // Only Settings shows key status: start-up does not wait for that second round trip.
    if (waitForKeys) await keys;
  };

  return {
    profiles: [],
    activeProfileId: null,
    presets: [],
    keyStatus: {},
    preferences: null,
    models: {},
    firstRun: null,
    settingsLoaded: false,
    activeProfile() {
      const s = get();
      return s.profiles.find((p) => p.id === s.activeProfileId);
    },
    settingsActions: {
      async load() {
        // Independent: one round trip for both instead of two in a row.
        await Promise.all([
          client.call('preferences.get', {}).then((prefs) => {
            if (prefs.ok) set({ preferences: prefs.data });
          }),
          refreshProfiles(false),
        ]);
        set({ settingsLoaded: true });
      },

      async createProfile(input) {
        const res = await client.call('profiles.create', input);
        if (res.ok) await refreshProfiles();
        return res;
      },

      async updateProfile(id, patch) {
        const res = await client.call('profiles.update', { id, patch });
        if (res.ok) {
          set((s) => ({ profiles: s.profiles.map((p) => (p.id === id ? res.data : p)) }));
          // Pointing a profile at another server removes its key in main.
          await get().settingsActions.refreshKeyStatus(id);
        }
        return res;
      },

      async deleteProfile(id) {
        const res = await client.call('profiles.delete', { id });
        if (!res.ok) return res;
        await refreshProfiles();
        return { ok: true, data: true };
      },

      async setActiveProfile(id) {
        const res = await client.call('profiles.setActive', { id });
        if (!res.ok) return get().ui.showToast(res.error);
        set({ activeProfileId: res.data.activeProfileId });
      },

      async setKey(profileId, key) {
        const res = await client.call('keys.set', { profileId, key });
        if (res.ok) set((s) => ({ keyStatus: { ...s.keyStatus, [profileId]: res.data.status } }));
        return res;
      },

      async clearKey(profileId) {
        const res = await client.call('keys.clear', { profileId });
        if (!res.ok) return get().ui.showToast(res.error);
        set((s) => ({ keyStatus: { ...s.keyStatus, [profileId]: res.data } }));
      },

      async refreshKeyStatus(profileId) {
        const res = await client.call('keys.status', { profileId });
        if (res.ok) set((s) => ({ keyStatus: { ...s.keyStatus, [profileId]: res.data } }));
      },

      async updatePreferences(patch) {
        const res = await client.call('preferences.update', patch);
        if (!res.ok) return get().ui.showToast(res.error);
        set({ preferences: res.data });
      },

      async loadModels(profileId, refresh = false) {
        const res = await client.call('models.list', { profileId, refresh });
        if (!res.ok) {
          get().ui.showToast(res.error);
          return null;
        }
        set((s) => ({ models: { ...s.models, [profileId]: res.data } }));
        // The model list doubles as a reachability check of the relay.
        const error = res.data.error;
        if (error && (error.code === 'network' || error.code === 'timeout_connect'))
          get().ui.setOffline(error);
        else if (!res.data.fromCache) get().ui.setOffline(null);
        return res.data;
      },

      async detectFirstRun() {
        const res = await client.call('onboarding.detect', {});
        if (res.ok) set({ firstRun: res.data });
      },

      async importFromEnv() {
        const res = await client.call('onboarding.importEnv', {});
        if (res.ok) await refreshProfiles();
        return res;
      },
    },
  };
}
