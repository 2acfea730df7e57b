import type { ModelRef, Profile } from '../../../shared/types/profiles';
import { MAX_PINNED_MODELS, MAX_RECENT_MODELS } from '../../../shared/rules/limits';
import type { AppState, AppStore } from './index';

/**
 * Which profile and model the next message goes to: the open conversation's (its profile while
 * that exists, else the active one; its model, else the profile's default), or for a chat not
 * sent yet the model picked for it, else the active profile's default model.
 */
export interface ModelChoice {
  profileId: string | null;
  /** '' when no model is chosen and the profile has no default. */
  model: string;
  /**
   * True when it is known that there is nothing to send to: no profile, or a known profile
   * with no model. Sending is impossible then; the picker says what to do.
   */
  missing: boolean;
  /** The profile was picked for this chat (not the active one by default). */
  explicitProfile: boolean;
}

export function selectModelChoice(s: AppState): ModelChoice {
  const conversation = s.activeConversationId
    ? s.conversations.find((c) => c.id === s.activeConversationId)
    : undefined;
  const find = (id: string | null | undefined): Profile | undefined =>
    id ? s.profiles.find((p) => p.id === id) : undefined;
  let profileId: string | null;
  let picked: string | null;
  let explicitProfile = false;
  if (conversation) {
    const own = find(conversation.profileId);
    profileId = own ? own.id : s.activeProfileId;
    picked = conversation.model;
  } else {
    explicitProfile = find(s.newChatProfileId) !== undefined;
    profileId = explicitProfile ? s.newChatProfileId : s.activeProfileId;
    picked = s.newChatModel;
  }
  const profile = find(profileId);
  const model = (picked ?? profile?.defaultModel ?? '').trim();
  // A profile the window has not loaded yet may well have a model: main decides then.
  const missing = profileId === null || (profile !== undefined && model === '');
  return { profileId, model, missing, explicitProfile };
}

/** Records the choice: on the open conversation, or for the chat not sent yet. */
export async function chooseModel(store: AppStore, chosen: ModelRef): Promise<void> {
  const ref = { profileId: chosen.profileId, model: chosen.model };
  const s = store.getState();
  const id = s.activeConversationId;
  if (id) await s.conversationActions.update(id, { model: ref.model, profileId: ref.profileId });
  else s.ui.setNewChatModel(ref.model, ref.profileId);
  const recent = [ref, ...(s.preferences?.recentModels ?? []).filter((r) => !sameRef(r, ref))];
  await store
    .getState()
    .settingsActions.updatePreferences({ recentModels: recent.slice(0, MAX_RECENT_MODELS) });
}

export async function togglePin(store: AppStore, row: ModelRef): Promise<void> {
  const ref = { profileId: row.profileId, model: row.model };
  const pinned = store.getState().preferences?.pinnedModels ?? [];
  const next = pinned.some((r) => sameRef(r, ref))
    ? pinned.filter((r) => !sameRef(r, ref))
    : [...pinned, ref].slice(-MAX_PINNED_MODELS);
  await store.getState().settingsActions.updatePreferences({ pinnedModels: next });
}

export function sameRef(a: ModelRef, b: ModelRef): boolean {
  return a.profileId === b.profileId && a.model === b.model;
}
