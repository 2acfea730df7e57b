import type { PresetId, PresetInfo } from '../types/profiles';

/**
 * The providers a profile can start from, with their labels and the pages where a key is made.
 * Both processes import this module (main to create profiles, the window to offer the choice);
 * nothing in it depends on either. The default relay's URLs live in one place so a domain change
 * is a one-line edit.
 */
export const HOLYSHEEP = {
  baseUrl: 'https://api.holysheep.ai/v1',
  keyUrl: 'https://www.holysheep.ai/register',
  /** Hosts whose keys are the relay's own `hsa-` keys (an `sk-` key there is a mistake). */
  hostSuffix: 'holysheep.ai',
} as const;

export const DEFAULT_PRESET: PresetId = 'holysheep';

export const PRESETS: Readonly<Record<PresetId, PresetInfo>> = {
  holysheep: {
    id: 'holysheep',
    label: 'HolySheep',
    baseUrl: HOLYSHEEP.baseUrl,
    requiresKey: true,
    defaultModel: 'deepseek-chat',
    keyUrl: HOLYSHEEP.keyUrl,
  },
  openai: {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    requiresKey: true,
    defaultModel: 'gpt-4o-mini',
    keyUrl: 'https://platform.openai.com/api-keys',
  },
  deepseek: {
    id: 'deepseek',
    label: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com/v1',
    requiresKey: true,
    defaultModel: 'deepseek-chat',
    keyUrl: 'https://platform.deepseek.com/api_keys',
  },
  openrouter: {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    requiresKey: true,
    defaultModel: 'openai/gpt-4o-mini',
    keyUrl: 'https://openrouter.ai/keys',
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama',
    baseUrl: 'http://127.0.0.1:11434/v1',
    requiresKey: false,
    defaultModel: '',
  },
  lmstudio: {
    id: 'lmstudio',
    label: 'LM Studio',
    baseUrl: 'http://127.0.0.1:1234/v1',
    requiresKey: false,
    defaultModel: '',
  },
  custom: {
    id: 'custom',
    label: 'Custom',
    labelKey: 'presets.custom',
    baseUrl: '',
    requiresKey: true,
    defaultModel: '',
  },
};

export function listPresets(): PresetInfo[] {
  return Object.values(PRESETS).map((preset) => ({ ...preset }));
}
