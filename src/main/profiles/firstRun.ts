import type {
  FirstRunState,
  LocalServer,
  PresetId,
  Profile,
  SetKeyResult,
} from '../../shared/types/profiles';
import { FleeceError } from '../errors/FleeceError';
import { maskApiKey, normalizeApiKey } from './apiKey';
import { isHolySheepHost } from '../../shared/rules/hosts';
import { PRESETS } from '../../shared/rules/presets';
import type { ProfileService } from './ProfileService';
import { normalizeBaseUrl } from './validateProfile';

export type Env = Record<string, string | undefined>;

export interface LocalProbeTarget {
  preset: LocalServer['preset'];
  baseUrl: string;
}

/** Where local servers listen by default; tests inject their own loopback ports. */
export const DEFAULT_LOCAL_TARGETS: readonly LocalProbeTarget[] = [
  { preset: 'ollama', baseUrl: PRESETS.ollama.baseUrl },
  { preset: 'lmstudio', baseUrl: PRESETS.lmstudio.baseUrl },
];

/** Short: a local server answers in a few ms; nothing listening is refused at once. */
export const LOCAL_PROBE_TIMEOUT_MS = 800;

export interface DetectFirstRunDeps {
  profiles: ProfileService;
  env: Env;
  fetch: typeof fetch;
  localTargets?: readonly LocalProbeTarget[];
  timeoutMs?: number;
}

/** What the onboarding screen can offer. Looks only; creates nothing. */
export async function detectFirstRun(deps: DetectFirstRunDeps): Promise<FirstRunState> {
  const targets = deps.localTargets ?? DEFAULT_LOCAL_TARGETS;
  const timeoutMs = deps.timeoutMs ?? LOCAL_PROBE_TIMEOUT_MS;
  // Every start asks this before showing anything: with a usable profile the local servers are
  // not offered, so they are not probed (a port that swallows packets would cost the timeout).
  const needsSetup = !(await deps.profiles.hasUsableProfile());
  const probed = needsSetup
    ? await Promise.all(targets.map((target) => probeLocal(deps.fetch, target, timeoutMs)))
    : [];
  const state: FirstRunState = {
    needsSetup,
    local: probed.filter((s): s is LocalServer => s !== null),
  };
  const envImport = describeEnvImport(deps.env);
  if (envImport) state.envImport = envImport;
  return state;
}

async function probeLocal(
  fetchFn: typeof fetch,
  target: LocalProbeTarget,
  timeoutMs: number,
): Promise<LocalServer | null> {
  try {
    const response = await fetchFn(`${target.baseUrl}/models`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    const body = (await response.json()) as { data?: unknown };
    if (!Array.isArray(body.data)) return null;
    const models = body.data
      .map((entry: unknown) => (entry as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === 'string' && id !== '')
      .sort();
    return { preset: target.preset, baseUrl: target.baseUrl, models };
  } catch {
    return null; // nothing listening, too slow, or not an OpenAI-compatible server
  }
}

function readEnvKey(env: Env): string | null {
  const raw = env['OPENAI_API_KEY'];
  if (raw === undefined || raw.trim() === '') return null;
  try {
    return normalizeApiKey(raw);
  } catch {
    return null;
  }
}

function describeEnvImport(env: Env): FirstRunState['envImport'] {
  const key = readEnvKey(env);
  if (key === null) return undefined;
  const baseUrl = env['OPENAI_BASE_URL']?.trim();
  return baseUrl ? { baseUrl, keyMasked: maskApiKey(key) } : { keyMasked: maskApiKey(key) };
}

function presetForUrl(url: string): PresetId {
  const host = new URL(url).hostname;
  if (isHolySheepHost(host)) return 'holysheep';
  for (const preset of Object.values(PRESETS)) {
    if (preset.baseUrl !== '' && new URL(preset.baseUrl).host === new URL(url).host)
      return preset.id;
  }
  return 'custom';
}

/**
 * Creates a profile from OPENAI_API_KEY (and OPENAI_BASE_URL, else OpenAI's own URL) — only
 * when the user asked for it. If the key cannot be stored, the half-made profile is removed.
 */
export async function importFromEnv(
  profiles: ProfileService,
  env: Env,
  options: { allowInsecureHttp?: boolean } = {},
): Promise<{ profile: Profile; key: SetKeyResult }> {
  const rawKey = env['OPENAI_API_KEY'];
  if (rawKey === undefined || rawKey.trim() === '') {
    throw new FleeceError('env_key_missing');
  }
  const key = normalizeApiKey(rawKey);
  const envUrl = env['OPENAI_BASE_URL']?.trim();
  const baseUrl = envUrl ? normalizeBaseUrl(envUrl).url : PRESETS.openai.baseUrl;
  const preset = presetForUrl(baseUrl);
  const label = preset === 'custom' ? new URL(baseUrl).host : PRESETS[preset].label;
  const profile = await profiles.create({
    preset,
    name: `${label} (from environment)`,
    baseUrl,
    requiresKey: true,
    allowInsecureHttp: options.allowInsecureHttp ?? false,
  });
  try {
    return { profile, key: await profiles.setKey(profile.id, key) };
  } catch (error) {
    await profiles.delete(profile.id).catch(() => undefined);
    throw error;
  }
}
