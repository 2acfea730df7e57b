import { z } from 'zod';
import { event, route } from './define';
import {
  preferencesPatchSchema,
  profileInputSchema,
  profilePatchSchema,
  type FirstRunState,
  type KeyStatus,
  type Preferences,
  type Profile,
  type SetKeyResult,
} from '../types/profiles';

const id = z.string().min(1).max(200);

export interface ProfilesState {
  profiles: Profile[];
  activeProfileId: string | null;
}

export const profileRoutes = {
  'profiles.list': route<ProfilesState>()(z.object({}).strict()),
  'profiles.create': route<Profile>()(profileInputSchema),
  'profiles.update': route<Profile>()(z.object({ id, patch: profilePatchSchema }).strict()),
  'profiles.delete': route<{ deleted: true }>()(z.object({ id }).strict()),
  'profiles.setActive': route<ProfilesState>()(z.object({ id }).strict()),
  /** The key travels renderer → main once, here; no route ever returns it. */
  'keys.set': route<SetKeyResult>()(
    z.object({ profileId: id, key: z.string().max(4096) }).strict(),
  ),
  'keys.clear': route<KeyStatus>()(z.object({ profileId: id }).strict()),
  'keys.status': route<KeyStatus>()(z.object({ profileId: id }).strict()),
  'onboarding.detect': route<FirstRunState>()(z.object({}).strict()),
  'onboarding.importEnv': route<Profile>()(z.object({}).strict()),
  'preferences.get': route<Preferences>()(z.object({}).strict()),
  'preferences.update': route<Preferences>()(preferencesPatchSchema),
};

export const profileEvents = {
  'profiles.changed': event<ProfilesState>(),
};
