import { randomUUID } from 'node:crypto';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS } from '../../shared/rules/limits';
import {
  type KeyStatus,
  type Profile,
  type ProfileInput,
  type ProfilePatch,
  type SetKeyResult,
} from '../../shared/types/profiles';
import type { ChatTarget } from '../chat/relayTypes';
import type { NewConversationDefaults } from '../chat/newConversation';
import type { SecretStore } from '../secrets/SecretStore';
import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import type { SettingsStore } from '../settings/SettingsStore';
import { keyWarningFor, maskApiKey, normalizeApiKey } from './apiKey';
import { PRESETS } from '../../shared/rules/presets';
import { pickDefaultModel } from '../../shared/rules/modelInfo';
import { editDropsKey } from '../../shared/rules/keyScope';
import { validateProfileFields, type ProfileFields } from './validateProfile';

/** A profile's target always names its profile, fallbacks and timeouts. */
type ProfileTarget = ChatTarget &
  Required<Pick<ChatTarget, 'fallbackBaseUrls' | 'connectTimeoutMs' | 'idleTimeoutMs'>> & {
    readonly profileId: string;
  };

export interface ProfileServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  newId?: () => string;
}

/** Connection profiles (in settings.json) and their keys (in the SecretStore, account = profile id). */
export class ProfileService {
  private readonly settings: SettingsStore;
  private readonly secrets: SecretStore;
  private readonly newId: () => string;

  constructor(deps: ProfileServiceDeps) {
    this.settings = deps.settings;
    this.secrets = deps.secrets;
    this.newId = deps.newId ?? randomUUID;
  }

  list(): Profile[] {
    return this.settings.get().profiles;
  }

  get(id: string): Profile {
    const profile = this.list().find((p) => p.id === id);
    if (!profile) throw new FleeceError('profile_not_found');
    return profile;
  }

  activeProfileId(): string | null {
    return this.settings.get().activeProfileId;
  }

  /** A conversation's profile while it exists; the active one for a conversation without one. */
  profileIdFor(conversationProfileId: string | null): string | undefined {
    const known =
      conversationProfileId !== null && this.list().some((p) => p.id === conversationProfileId);
    return known ? conversationProfileId : (this.activeProfileId() ?? undefined);
  }

  /**
   * A conversation started now takes the chosen profile (the active one when none was chosen or
   * it no longer exists), its system prompt and temperature.
   */
  newConversationDefaults(chosen?: string): NewConversationDefaults {
    const profileId = chosen ? (this.profileIdFor(chosen) ?? null) : this.activeProfileId();
    const profile = profileId ? this.list().find((p) => p.id === profileId) : undefined;
    return {
      profileId,
      systemPrompt: profile?.systemPrompt ? profile.systemPrompt : null,
      temperature: profile?.temperature ?? null,
    };
  }

  /**
   * A profile's first successful model list picks its default model when it has none, so a new
   * chat on it never starts without one. The user's choice is never replaced.
   */
  async adoptDefaultModel(id: string, models: readonly string[]): Promise<Profile | null> {
    const profile = this.list().find((p) => p.id === id);
    const first = pickDefaultModel(models);
    if (!profile || profile.defaultModel.trim() !== '' || first === undefined) return null;
    let adopted: Profile | null = null;
    await this.settings.update((draft) => {
      draft.profiles = draft.profiles.map((p) => {
        if (p.id !== id || p.defaultModel.trim() !== '') return p;
        adopted = { ...p, defaultModel: first };
        return adopted;
      });
    });
    return adopted;
  }

  async setActive(id: string): Promise<void> {
    this.get(id);
    await this.settings.update((draft) => {
      draft.activeProfileId = id;
    });
  }

  /** Fields left out come from the preset. The first profile becomes the active one. */
  async create(input: ProfileInput): Promise<Profile> {
    const preset = PRESETS[input.preset];
    const fields = validateProfileFields({
      name: input.name ?? preset.label,
      preset: input.preset,
      baseUrl: input.baseUrl ?? preset.baseUrl,
      fallbackBaseUrls: input.fallbackBaseUrls ?? [],
      defaultModel: input.defaultModel ?? preset.defaultModel,
      connectTimeoutMs: input.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      idleTimeoutMs: input.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      requiresKey: input.requiresKey ?? preset.requiresKey,
      allowInsecureHttp: input.allowInsecureHttp ?? false,
      systemPrompt: input.systemPrompt ?? '',
      temperature: input.temperature ?? null,
    });
    const profile: Profile = { id: this.newId(), ...fields };
    await this.settings.update((draft) => {
      draft.profiles.push(profile);
      draft.activeProfileId ??= profile.id;
    });
    return profile;
  }

  /**
   * The id never changes, so renaming (or any edit) keeps the key — unless the edit sends
   * requests to a server the key was not given for: then the key is removed and must be
   * entered again, so nothing (a typo, or a script that got into the window) can redirect it.
   */
  async update(id: string, patch: ProfilePatch): Promise<Profile> {
    const current = this.get(id);
    const merged: ProfileFields = { ...withoutId(current) };
    for (const [field, value] of Object.entries(patch)) {
      if (value !== undefined) (merged as unknown as Record<string, unknown>)[field] = value;
    }
    const profile: Profile = { id, ...validateProfileFields(merged) };
    if (editDropsKey(current, profile)) await this.secrets.delete(id);
    await this.settings.update((draft) => {
      draft.profiles = draft.profiles.map((p) => (p.id === id ? profile : p));
    });
    return profile;
  }

  /** Removes the keychain entry first: a profile must not disappear while its key stays behind. */
  async delete(id: string): Promise<void> {
    this.get(id);
    await this.secrets.delete(id);
    await this.settings.update((draft) => {
      draft.profiles = draft.profiles.filter((p) => p.id !== id);
      if (draft.activeProfileId === id) draft.activeProfileId = draft.profiles[0]?.id ?? null;
    });
  }

  async setKey(id: string, raw: string): Promise<SetKeyResult> {
    const profile = this.get(id);
    const key = normalizeApiKey(raw);
    await this.secrets.set(id, key);
    const warning = keyWarningFor(profile, key);
    const status = this.statusFor(key);
    return warning ? { status, warning } : { status };
  }

  async clearKey(id: string): Promise<KeyStatus> {
    this.get(id);
    await this.secrets.delete(id);
    return this.statusFor(null);
  }

  async keyStatus(id: string): Promise<KeyStatus> {
    this.get(id);
    return this.statusFor(await this.secrets.get(id));
  }

  /** A profile can chat when it needs no key or has one. */
  async hasUsableProfile(): Promise<boolean> {
    for (const profile of this.list()) {
      if (!profile.requiresKey || (await this.secrets.get(profile.id)) !== null) return true;
    }
    return false;
  }

  /**
   * The only way a key leaves this service: bundled with the profile's own base URL and
   * fallbacks, so the caller cannot pair it with another endpoint by accident.
   */
  async resolveTarget(
    profileId?: string,
    options: { model?: string } = {},
  ): Promise<ProfileTarget> {
    const endpoint = await this.resolveEndpoint(profileId);
    const profile = this.get(endpoint.profileId);
    const model = (options.model ?? profile.defaultModel).trim();
    if (model === '') {
      throw new FleeceError('model_missing', {
        params: { profile: profile.name },
        hint: coded('hint_pick_model_server'),
      });
    }
    const target = { ...endpoint, model };
    if (endpoint.apiKey !== undefined)
      Object.defineProperty(target, 'apiKey', { value: endpoint.apiKey, enumerable: false });
    return Object.freeze(target) as ProfileTarget;
  }

  /** Like `resolveTarget` without a model: for the model list and the connection probe. */
  async resolveEndpoint(profileId?: string): Promise<Omit<ProfileTarget, 'model'>> {
    const id = profileId ?? this.activeProfileId();
    if (id === null) {
      throw new FleeceError('no_profile', { hint: coded('hint_add_profile') });
    }
    const profile = this.get(id);
    const apiKey = await this.secrets.get(id);
    if (apiKey === null && profile.requiresKey) {
      throw new FleeceError('key_missing', {
        params: { profile: profile.name },
        hint: coded(
          this.secrets.backend === 'session' ? 'hint_enter_key_session' : 'hint_enter_key',
        ),
      });
    }
    const endpoint = {
      profileId: id,
      baseUrl: profile.baseUrl,
      fallbackBaseUrls: Object.freeze([...profile.fallbackBaseUrls]),
      connectTimeoutMs: profile.connectTimeoutMs,
      idleTimeoutMs: profile.idleTimeoutMs,
    };
    if (apiKey !== null)
      Object.defineProperty(endpoint, 'apiKey', { value: apiKey, enumerable: false });
    return Object.freeze(endpoint) as Omit<ProfileTarget, 'model'>;
  }

  /**
   * The stored key for a check of a base URL not saved yet — only when that URL is on a server
   * the key was given for, so a typed URL can never pull the key to another host.
   */
  async keyForCheck(profileId: string, baseUrl: string): Promise<string | undefined> {
    const profile = this.list().find((p) => p.id === profileId);
    if (!profile || editDropsKey(profile, { baseUrl, fallbackBaseUrls: [] })) return undefined;
    return (await this.secrets.get(profileId)) ?? undefined;
  }

  private statusFor(key: string | null): KeyStatus {
    const status: KeyStatus = {
      hasKey: key !== null,
      masked: key === null ? null : maskApiKey(key),
      backend: this.secrets.backend,
    };
    if (this.secrets.unavailableReason !== undefined)
      status.unavailableReason = this.secrets.unavailableReason;
    return status;
  }
}

function withoutId(profile: Profile): ProfileFields {
  const { id: _id, ...fields } = profile;
  return fields;
}
