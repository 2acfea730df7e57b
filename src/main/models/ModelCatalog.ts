import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ModelList } from '../../shared/contract/models';
import type { AppError } from '../../shared/result';
import { coded } from '../../shared/codes';
import { toAppError } from '../errors/FleeceError';
import { writeFileAtomic } from '../settings';

export const MODELS_CACHE_FILE = 'models-cache.json';

const cacheSchema = z.record(
  z.string(),
  z.object({
    models: z.array(z.string()),
    fetchedAt: z.number(),
    /** How many the relay listed, when more than `models` were (the list was cut). */
    listed: z.number().optional(),
  }),
);
type Cache = z.infer<typeof cacheSchema>;

export interface ModelCatalogDeps {
  dataDir: string;
  /**
   * Fetches the relay's model ids for a profile (resolves its endpoint and key itself); with
   * `listed` when the relay listed more than were kept.
   */
  fetchModels: (profileId: string) => Promise<string[] | { ids: string[]; listed: number }>;
  /**
   * The profile's base URL now. Lists are kept per profile *and* base URL, so a profile pointed
   * at another server never shows the old server's list, even offline.
   */
  baseUrlOf?: (profileId: string) => string | undefined;
  /** Told after each successful fetch (a profile without a default model adopts one). */
  onListed?: (profileId: string, models: string[]) => Promise<unknown>;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The relay's model list per profile, cached on disk so the picker works offline. A failed
 * refresh returns the cached list with the reason, never an empty picker.
 */
export class ModelCatalog {
  private cache: Cache;
  private readonly file: string;
  private readonly now: () => number;

  constructor(private readonly deps: ModelCatalogDeps) {
    this.file = join(deps.dataDir, MODELS_CACHE_FILE);
    this.now = deps.now ?? Date.now;
    this.cache = readCache(this.file);
  }

  async list(profileId: string, refresh: boolean): Promise<ModelList> {
    const key = this.keyOf(profileId);
    const cached = this.cache[key];
    if (cached && !refresh)
      return { ...withNotice(cached), fetchedAt: cached.fetchedAt, fromCache: true };
    try {
      const fetched = await this.deps.fetchModels(profileId);
      const models = Array.isArray(fetched) ? fetched : fetched.ids;
      const listed = Array.isArray(fetched) ? models.length : fetched.listed;
      const entry = {
        models,
        fetchedAt: this.now(),
        ...(listed > models.length ? { listed } : {}),
      };
      // The base URL changed while the list was asked for: it is not known which server answered.
      if (this.keyOf(profileId) !== key)
        return { ...withNotice(entry), fetchedAt: entry.fetchedAt, fromCache: false };
      this.cache = { ...withoutProfile(this.cache, profileId), [key]: entry };
      // The cache is for offline use: failing to write it must not hide what the relay returned.
      await writeFileAtomic(this.file, JSON.stringify(this.cache)).catch((err: unknown) =>
        this.deps.log?.('could not write the model-list cache', err),
      );
      await this.deps
        .onListed?.(profileId, models)
        .catch((err: unknown) => this.deps.log?.('could not adopt a default model', err));
      return { ...withNotice(entry), fetchedAt: entry.fetchedAt, fromCache: false };
    } catch (err) {
      const error: AppError = toAppError(err);
      return {
        ...(cached ? withNotice(cached) : { models: [] }),
        fetchedAt: cached?.fetchedAt ?? null,
        fromCache: true,
        error,
      };
    }
  }

  async forget(profileId: string): Promise<void> {
    const rest = withoutProfile(this.cache, profileId);
    if (Object.keys(rest).length === Object.keys(this.cache).length) return;
    this.cache = rest;
    await writeFileAtomic(this.file, JSON.stringify(this.cache));
  }

  private keyOf(profileId: string): string {
    const baseUrl = this.deps.baseUrlOf?.(profileId);
    return baseUrl === undefined ? profileId : `${profileId} ${baseUrl}`;
  }
}

/** The list, with a notice when the relay listed more than was kept. */
function withNotice(entry: Cache[string]): Pick<ModelList, 'models' | 'notice'> {
  if (entry.listed === undefined || entry.listed <= entry.models.length)
    return { models: entry.models };
  return {
    models: entry.models,
    notice: coded('models_capped', { kept: entry.models.length, listed: entry.listed }),
  };
}

/** Every list of the profile, whichever server it came from (a profile id holds no space). */
function withoutProfile(cache: Cache, profileId: string): Cache {
  return Object.fromEntries(
    Object.entries(cache).filter(([k]) => k !== profileId && !k.startsWith(`${profileId} `)),
  );
}

function readCache(file: string): Cache {
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    // Missing or unreadable cache: it is only a cache, start empty.
    return {};
  }
}
