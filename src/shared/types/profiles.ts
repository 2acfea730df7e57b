import { IMAGE_MAX_SIDE_MAX, IMAGE_MAX_SIDE_MIN } from '../rules/attachmentLimits';
import type { CodedText } from '../codes';
import { z } from 'zod';
import { MAX_PINNED_MODELS, MAX_RECENT_MODELS } from '../rules/limits';
import { LANGUAGES } from '../rules/languages';
import {
  ANSWER_LIMIT_MB_MAX,
  ANSWER_LIMIT_MINUTES_MAX,
  CONNECT_TIMEOUT_MAX_MS,
  DEFAULT_ANSWER_LIMIT_MB,
  DEFAULT_ANSWER_LIMIT_MINUTES,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  IDLE_TIMEOUT_MAX_MS,
  TEMPERATURE_MAX,
  TEMPERATURE_MIN,
  TIMEOUT_MIN_MS,
} from '../rules/limits';
import { THEMES } from './choices';

/**
 * Connection profiles, key status and preferences: the shapes that cross the IPC boundary.
 * A profile never carries its API key; the key lives in the keychain (or the session store).
 */

export const PRESET_IDS = [
  'holysheep',
  'openai',
  'deepseek',
  'openrouter',
  'ollama',
  'lmstudio',
  'custom',
] as const;
export const presetIdSchema = z.enum(PRESET_IDS);
export type PresetId = z.infer<typeof presetIdSchema>;

export const PROFILE_NAME_MAX = 80;
export const MAX_FALLBACK_URLS = 5;

/** A stored profile (settings.json). Unknown keys are stripped, so a stray `apiKey` never persists. */
export const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(PROFILE_NAME_MAX),
  preset: presetIdSchema,
  baseUrl: z.string().min(1),
  fallbackBaseUrls: z.array(z.string().min(1)).max(MAX_FALLBACK_URLS).default([]),
  defaultModel: z.string().default(''),
  connectTimeoutMs: z
    .number()
    .int()
    .min(TIMEOUT_MIN_MS)
    .max(CONNECT_TIMEOUT_MAX_MS)
    .default(DEFAULT_CONNECT_TIMEOUT_MS),
  idleTimeoutMs: z
    .number()
    .int()
    .min(TIMEOUT_MIN_MS)
    .max(IDLE_TIMEOUT_MAX_MS)
    .default(DEFAULT_IDLE_TIMEOUT_MS),
  requiresKey: z.boolean(),
  /** The user confirmed plain http to a non-loopback host (content and key travel unencrypted). */
  allowInsecureHttp: z.boolean().default(false),
  /** Defaults for new conversations; each conversation can override them. */
  systemPrompt: z.string().max(100_000).default(''),
  temperature: z.number().min(TEMPERATURE_MIN).max(TEMPERATURE_MAX).nullable().default(null),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * Input of `profiles.create`: everything but the preset is optional and defaults from the
 * preset. Semantic checks (URL scheme, insecure http, ranges) happen in the service, which
 * answers with stable error codes the UI can map to text.
 */
// Generous bounds at the boundary only (the service's own checks are stricter and say why):
// they stop a compromised window from handing main megabytes to parse and store.
const INPUT_TEXT_MAX = 1000;
const INPUT_URL_MAX = 4096;
const INPUT_LIST_MAX = 50;

export const profileInputSchema = z.object({
  preset: presetIdSchema,
  name: z.string().max(INPUT_TEXT_MAX).optional(),
  baseUrl: z.string().max(INPUT_URL_MAX).optional(),
  fallbackBaseUrls: z.array(z.string().max(INPUT_URL_MAX)).max(INPUT_LIST_MAX).optional(),
  defaultModel: z.string().max(INPUT_TEXT_MAX).optional(),
  connectTimeoutMs: z.number().optional(),
  idleTimeoutMs: z.number().optional(),
  requiresKey: z.boolean().optional(),
  allowInsecureHttp: z.boolean().optional(),
  systemPrompt: z.string().max(100_000).optional(),
  temperature: z.number().nullable().optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

/** Input of `profiles.update`: any subset of the editable fields. */
export const profilePatchSchema = profileInputSchema.partial();
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

export type SecretBackend = 'keychain' | 'session';

export interface KeyStatus {
  hasKey: boolean;
  /** e.g. `hsa-…3f9a`; null when no key is set. Never more than a short prefix and the last 4. */
  masked: string | null;
  backend: SecretBackend;
  /** Set when backend is 'session': why the keychain is not used, in plain words. */
  unavailableReason?: CodedText;
}

export interface KeyWarning {
  /** Translated in the renderer. */
  code: 'key_looks_like_openai';
}

export interface SetKeyResult {
  status: KeyStatus;
  warning?: KeyWarning;
}

export interface PresetInfo {
  id: PresetId;
  /** The provider's proper name (also a new profile's default name). */
  label: string;
  /** When the label is not a proper name: its key in the renderer's `settings` catalogue. */
  labelKey?: 'presets.custom';
  /** Empty for Custom: the user types it. */
  baseUrl: string;
  requiresKey: boolean;
  defaultModel: string;
  /** Where to get a key, when the provider has a page for it. */
  keyUrl?: string;
}

export interface LocalServer {
  preset: 'ollama' | 'lmstudio';
  baseUrl: string;
  /** Model ids reported by `GET <base>/models`, sorted; may be empty (server up, nothing pulled). */
  models: string[];
}

export interface FirstRunState {
  /** No profile can be used yet (none, or every one lacks a required key). */
  needsSetup: boolean;
  /** Present when OPENAI_API_KEY is set: offered to the user, imported only on request. */
  envImport?: { baseUrl?: string; keyMasked: string };
  local: LocalServer[];
}

// Preferences live beside profiles in settings.json; each new section gets a default so older
// files keep loading.
export { LANGUAGES, THEMES };
export const languageSchema = z.enum(LANGUAGES);
export const themeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof themeSchema>;

export {
  ANSWER_LIMIT_MB_MAX,
  ANSWER_LIMIT_MINUTES_MAX,
  DEFAULT_ANSWER_LIMIT_MB,
  DEFAULT_ANSWER_LIMIT_MINUTES,
};
const answerLimitMb = z.number().int().min(1).max(ANSWER_LIMIT_MB_MAX);
/** As stored: a value saved when the maximum was higher is lowered, not a reason to reset. */
const storedAnswerLimitMb = z
  .number()
  .int()
  .min(1)
  .transform((mb) => Math.min(mb, ANSWER_LIMIT_MB_MAX));
const answerLimitMinutes = z.number().int().min(1).max(ANSWER_LIMIT_MINUTES_MAX);

/** A model of one profile: what the model picker pins and remembers as recent. */
export const modelRefSchema = z.object({
  profileId: z.string().min(1).max(200),
  model: z.string().min(1).max(200),
});
export type ModelRef = z.infer<typeof modelRefSchema>;
// Plain numbers live with the other limits (no schema library needed to read them).
export { MAX_PINNED_MODELS, MAX_RECENT_MODELS };

/** Loose: keys written by a newer Fleece survive a round trip through an older one. */
/** The longest side, in pixels, an attached image is sent at (larger ones are downscaled). */
const imageMaxSide = z.number().int().min(IMAGE_MAX_SIDE_MIN).max(IMAGE_MAX_SIDE_MAX);

export const preferencesSchema = z.looseObject({
  language: languageSchema.default('system'),
  theme: themeSchema.default('system'),
  /** Unset until the user changes it: DEFAULT_ANSWER_LIMIT_MB applies. */
  answerLimitMb: storedAnswerLimitMb.optional(),
  /** Unset until the user changes it: DEFAULT_ANSWER_LIMIT_MINUTES applies. */
  answerLimitMinutes: answerLimitMinutes.optional(),
  /** Unset until the user pins one. */
  pinnedModels: z.array(modelRefSchema).max(MAX_PINNED_MODELS).optional(),
  /** Newest first; unset until a model is picked. */
  recentModels: z.array(modelRefSchema).max(MAX_RECENT_MODELS).optional(),
  /** Unset until the user changes it: IMAGE_MAX_SIDE_DEFAULT applies. */
  imageMaxSide: imageMaxSide.optional(),
  /** A model writes a title after the first answer; unset means on. */
  autoTitles: z.boolean().optional(),
  /** The model that writes titles; unset or empty: the conversation's own. */
  titleModel: z.string().max(200).optional(),
});
export type Preferences = z.infer<typeof preferencesSchema>;
export const preferencesPatchSchema = z.object({
  language: languageSchema.optional(),
  theme: themeSchema.optional(),
  answerLimitMb: answerLimitMb.optional(),
  answerLimitMinutes: answerLimitMinutes.optional(),
  /** Unset until the user pins one. */
  pinnedModels: z.array(modelRefSchema).max(MAX_PINNED_MODELS).optional(),
  /** Newest first; unset until a model is picked. */
  recentModels: z.array(modelRefSchema).max(MAX_RECENT_MODELS).optional(),
  imageMaxSide: imageMaxSide.optional(),
  autoTitles: z.boolean().optional(),
  titleModel: z.string().trim().max(200).optional(),
});
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;
