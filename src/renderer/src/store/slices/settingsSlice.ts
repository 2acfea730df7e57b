import type { ModelList } from '../../../../shared/contract/models';
import type { ProfilesState } from '../../../../shared/contract/profiles';
import type { AppError } from '../../../../shared/result';
import type {
  FirstRunState,
  KeyStatus,
  Preferences,
  PreferencesPatch,
  Profile,
  ProfileInput,
  ProfilePatch,
  SetKeyResult,
} from '../../../../shared/types/profiles';
import type { SliceDeps } from '../types';
import { networkVerdict } from '../../../../shared/rules/offline';

/**
 * The model lists still valid after profiles changed: a profile pointed at another base URL (or
 * removed) loses its list, so the picker never shows another server's models.
 */
export function keepModelLists(
  models: Record<string, ModelList>,
  before: readonly Profile[],
  after: readonly Profile[],
): Record<string, ModelList> {
  const urlOf = (list: readonly Profile[], id: string) => list.find((p) => p.id === id)?.baseUrl;
  const kept = Object.entries(models).filter(([id]) => {
    const now = urlOf(after, id);
    return now !== undefined && now === urlOf(before, id);
  });
  return kept.length === Object.keys(models).length ? models : Object.fromEntries(kept);
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: AppError };

export interface SettingsSlice {
  profiles: Profile[];
  activeProfileId: string | null;
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
    /** Profiles as main sent them; lists of a profile now on another server are dropped. */
    applyProfiles(state: ProfilesState): void;
    detectFirstRun(): Promise<void>;
    importFromEnv(): Promise<ActionResult<Profile>>;
  };
}

export function createSettingsSlice({ set, get, client }: SliceDeps): SettingsSlice {
  const refreshProfiles = async (waitForKeys = true): Promise<void> => {
    const res = await client.call('profiles.list', {});
    if (!res.ok) return get().ui.showToast(res.error);
    get().settingsActions.applyProfiles(res.data);
    const keys = Promise.all(
      res.data.profiles.map((p) => get().settingsActions.refreshKeyStatus(p.id)),
    );
    // Only Settings shows key status: start-up does not wait for that second round trip.
    if (waitForKeys) await keys;
  };

  return {
    profiles: [],
    activeProfileId: null,
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
          set((s) => {
            const profiles = s.profiles.map((p) => (p.id === id ? res.data : p));
            return { profiles, models: keepModelLists(s.models, s.profiles, profiles) };
          });
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
        if (res.ok) {
          set((s) => ({ keyStatus: { ...s.keyStatus, [profileId]: res.data.status } }));
          // Another key may see other models (another account, another plan).
          if (get().models[profileId]) void get().settingsActions.loadModels(profileId, true);
        }
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
        // Said once, when the relay has just sent a list too long to keep whole.
        const notice = res.data.notice;
        if (notice && !res.data.fromCache) get().ui.showToast({ code: notice.code, text: notice });
        // The model list doubles as a reachability check of the relay (the active one's: another
        // profile's server being down does not stop this one).
        if (profileId !== get().activeProfileId) return res.data;
        // A relay that answered, even with 401 or 404, proves the network is up.
        const error = res.data.error;
        const verdict = error ? networkVerdict(error.code) : res.data.fromCache ? 'unknown' : 'up';
        if (error && verdict === 'down') get().ui.setOffline(error);
        else if (verdict === 'up') get().ui.setOffline(null);
        return res.data;
      },

      applyProfiles(state) {
        set((s) => ({
          profiles: state.profiles,
          activeProfileId: state.activeProfileId,
          models: keepModelLists(s.models, s.profiles, state.profiles),
        }));
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
