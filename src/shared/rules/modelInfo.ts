import type { PriceEntry } from '../types/usage';

/**
 * What Fleece knows about a model from its name alone: relays' `/models` answers carry ids and
 * little else, so the picker's badges (reasoning, vision, context) come from known families.
 * Unknown stays unknown (null / false): a badge is shown only when the family is known to have it.
 */
export interface ModelInfo {
  /** Thinks before answering (o-series, DeepSeek reasoner, Claude 3.7+/4, Gemini 2.5, Qwen3…). */
  reasoning: boolean;
  /** Accepts images. */
  vision: boolean;
  /** Context window in tokens; null when the family's is not known. */
  contextTokens: number | null;
  /** False for models that cannot chat (embeddings, speech, images, moderation, reranking). */
  chat: boolean;
}

/**
 * Relays and providers spell one model several ways: `DeepSeek-Chat`, `deepseek/deepseek-chat`
 * (OpenRouter), `gpt-4.1-2025-04-14` (a dated snapshot), `claude-sonnet-4-5`. Names are compared
 * lower-case, without a provider prefix or a date suffix; a few known synonyms map to one name.
 */
const ALIASES: Readonly<Record<string, string>> = {
  // DeepSeek serves V3.2 under the API name `deepseek-chat` (the relay bills it so).
  'deepseek-v3.2': 'deepseek-chat',
  'deepseek-v3.2-exp': 'deepseek-chat',
  'deepseek-v3-2': 'deepseek-chat',
  'claude-sonnet-4-5': 'claude-sonnet-4.5',
  'claude-4.5-sonnet': 'claude-sonnet-4.5',
  'gpt-4-1': 'gpt-4.1',
  'gemini-2-5-flash': 'gemini-2.5-flash',
};

const DATE_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$/;

/** The key a model name is looked up by. */
export function normalizeModelName(model: string): string {
  let name = model.trim().toLowerCase().replace(/\s+/g, '-');
  const slash = name.lastIndexOf('/');
  if (slash >= 0) name = name.slice(slash + 1);
  const alias = ALIASES[name];
  if (alias) return alias;
  const undated = name.replace(DATE_SUFFIX, '');
  return ALIASES[undated] ?? undated;
}

/** The row for a model: an exact (case-insensitive) name first, then the normalised name. */
export function findPrice<T extends Pick<PriceEntry, 'model'>>(
  prices: readonly T[],
  model: string,
): T | null {
  const lower = model.trim().toLowerCase();
  const exact = prices.find((p) => p.model.trim().toLowerCase() === lower);
  if (exact) return exact;
  const key = normalizeModelName(model);
  return prices.find((p) => normalizeModelName(p.model) === key) ?? null;
}

const K128 = 128_000;
const K200 = 200_000;
const M1 = 1_048_576;

type Rule = readonly [RegExp, Partial<ModelInfo>];

/**
 * First match wins, so specific names come before their family. Context sizes are the
 * providers' published windows; a family whose sizes vary by variant gives none.
 */
const RULES: readonly Rule[] = [
  [
    /embed|whisper|^tts|-tts|dall-e|gpt-image|moderation|rerank|transcribe|realtime/,
    { chat: false },
  ],
  [/^gpt-5(?:\.\d+)?-chat/, { vision: true, contextTokens: K128 }],
  [/^gpt-5/, { reasoning: true, vision: true, contextTokens: 400_000 }],
  [/^gpt-4\.1/, { vision: true, contextTokens: 1_047_576 }],
  [/^gpt-4o/, { vision: true, contextTokens: K128 }],
  [/^gpt-4-turbo|^gpt-4-vision/, { vision: true, contextTokens: K128 }],
  [/^gpt-4(?:-\d{4})?$/, { contextTokens: 8_192 }],
  [/^gpt-3\.5-turbo/, { contextTokens: 16_385 }],
  [/^o1-mini/, { reasoning: true, contextTokens: K128 }],
  [/^o3-mini/, { reasoning: true, contextTokens: K200 }],
  [/^o[134](?:$|-)/, { reasoning: true, vision: true, contextTokens: K200 }],
  [
    /^claude-3(?:[-.]5)?-(?:opus|sonnet|haiku)|^claude-3[-.]5/,
    { vision: true, contextTokens: K200 },
  ],
  [/^claude/, { reasoning: true, vision: true, contextTokens: K200 }],
  [/^deepseek-reasoner/, { reasoning: true, contextTokens: K128 }],
  [/^deepseek-(?:chat|v3)/, { contextTokens: K128 }],
  // Distilled R1 models (Ollama, LM Studio) have windows of their own.
  [/^deepseek-r1/, { reasoning: true }],
  [/^gemini-(?:2\.5|3)/, { reasoning: true, vision: true, contextTokens: M1 }],
  [/^gemini-1\.5-pro/, { vision: true, contextTokens: 2_097_152 }],
  [/^gemini/, { vision: true, contextTokens: M1 }],
  [/^qwq|^qvq/, { reasoning: true }],
  [/^qwen.*-vl|^qwen-vl/, { vision: true }],
  [/^qwen3/, { reasoning: true }],
  [/^llama-?3\.2.*vision/, { vision: true, contextTokens: K128 }],
  [/^llama-?3\.[123]/, { contextTokens: K128 }],
  [/^llama-?4/, { vision: true }],
  [/^llama-?3(?:$|[-:])/, { contextTokens: 8_192 }],
  [/^pixtral/, { vision: true, contextTokens: K128 }],
  [/^mistral-large/, { contextTokens: K128 }],
  [/^grok-(?:4|3-mini)/, { reasoning: true }],
  // Names that say it themselves (any vendor).
  [/thinking|reason|-r1(?:$|[-:])/, { reasoning: true }],
  [/vision|-vl(?:$|[-:])/, { vision: true }],
];

const UNKNOWN: ModelInfo = { reasoning: false, vision: false, contextTokens: null, chat: true };

export function modelInfo(model: string): ModelInfo {
  // A provider prefix (`openai/gpt-4o`) and a tag or variant (`:free`, `:8b`) do not change the family.
  const name = normalizeModelName(model).replace(/:free$/, '');
  for (const [pattern, info] of RULES) if (pattern.test(name)) return { ...UNKNOWN, ...info };
  return UNKNOWN;
}

/**
 * The model a profile without one adopts from its first list: the first that can chat (a relay
 * often lists `text-embedding-…` or `whisper-1` first), else the first.
 */
export function pickDefaultModel(models: readonly string[]): string | undefined {
  const named = models.filter((m) => m.trim() !== '');
  return named.find((m) => modelInfo(m).chat) ?? named[0];
}
