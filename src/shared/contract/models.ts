import { z } from 'zod';
import { route } from './define';
import type { AppError } from '../result';
import type { CodedText } from '../codes';
import type { ProbeResult, SaveCheckResult } from '../relay';

export interface ModelList {
  models: string[];
  /** When the list was fetched from the relay; null if never. */
  fetchedAt: number | null;
  /** True when served from the offline cache (the relay was not asked, or could not be reached). */
  fromCache: boolean;
  /** Why a refresh failed, when it did; the cached list is still returned. */
  error?: AppError;
  /** Something to tell about the list itself, e.g. that a huge list was cut (`models_capped`). */
  notice?: CodedText;
}

export const modelRoutes = {
  'models.list': route<ModelList>()(
    z.object({ profileId: z.string().min(1).max(200), refresh: z.boolean().optional() }).strict(),
  ),
};

export const relayRoutes = {
  /** What "Test connection" shows: reachability, key, models, round trip, first token, buffering. */
  'relay.probe': route<ProbeResult>()(z.object({ profileId: z.string().min(1).max(200) }).strict()),
  /**
   * Check on save: a base URL and key that are not stored yet. Without `apiKey`, the stored key
   * of `profileId` is used only when the URL stays on that profile's server.
   */
  'relay.check': route<SaveCheckResult>()(
    z
      .object({
        baseUrl: z.string().max(2000),
        apiKey: z.string().max(4096).optional(),
        profileId: z.string().min(1).max(200).optional(),
        allowInsecureHttp: z.boolean().optional(),
      })
      .strict(),
  ),
};
