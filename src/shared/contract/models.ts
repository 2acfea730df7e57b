import { z } from 'zod';
import { route } from './define';
import type { AppError } from '../result';
import type { ProbeResult } from '../relay';

export interface ModelList {
  models: string[];
  /** When the list was fetched from the relay; null if never. */
  fetchedAt: number | null;
  /** True when served from the offline cache (the relay was not asked, or could not be reached). */
  fromCache: boolean;
  /** Why a refresh failed, when it did; the cached list is still returned. */
  error?: AppError;
}

export const modelRoutes = {
  'models.list': route<ModelList>()(
    z.object({ profileId: z.string().min(1).max(200), refresh: z.boolean().optional() }).strict(),
  ),
};

export const relayRoutes = {
  /** What "Test connection" shows: reachability, key, models, round trip, first token, buffering. */
  'relay.probe': route<ProbeResult>()(z.object({ profileId: z.string().min(1).max(200) }).strict()),
};
