import type { HandlersFor } from '../../shared/contract';
import type { modelRoutes, relayRoutes } from '../../shared/contract/models';
import type { ModelCatalog } from '../models/ModelCatalog';
import type { ProfileService } from '../profiles';
import { probe } from '../relay';

export interface RelayRouteDeps {
  profiles: ProfileService;
  models: ModelCatalog;
  /** Electron passes `net.fetch` (system proxy); the harness passes Node's fetch. */
  fetch: typeof globalThis.fetch;
}

export function relayHandlers(
  deps: RelayRouteDeps,
): HandlersFor<typeof modelRoutes & typeof relayRoutes> {
  return {
    'models.list': ({ profileId, refresh }) => deps.models.list(profileId, refresh ?? false),
    'relay.probe': async ({ profileId }) => {
      const e = await deps.profiles.resolveEndpoint(profileId);
      const model = deps.profiles.get(profileId).defaultModel;
      return probe(
        {
          baseUrl: e.baseUrl,
          ...(e.apiKey === undefined ? {} : { apiKey: e.apiKey }),
          ...(model ? { model } : {}),
        },
        { fetch: deps.fetch, connectTimeoutMs: e.connectTimeoutMs, idleTimeoutMs: e.idleTimeoutMs },
      );
    },
  };
}
