import type { HandlersFor } from '../../shared/contract';
import type { modelRoutes, relayRoutes } from '../../shared/contract/models';
import type { ModelCatalog } from '../models/ModelCatalog';
import type { ProfileService } from '../profiles';
import { probe } from '../relay';
import { checkForSave } from '../relay/save-check';
import { checkBaseUrl } from '../../shared/rules/baseUrl';
import { DEFAULT_CONNECT_TIMEOUT_MS } from '../../shared/rules/limits';

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
    'relay.check': async ({ baseUrl, apiKey, profileId, allowInsecureHttp }) => {
      const typed = apiKey?.trim() ?? '';
      let key =
        typed !== ''
          ? typed
          : profileId === undefined
            ? undefined
            : await deps.profiles.keyForCheck(profileId, baseUrl);
      // A key never travels in clear text to another computer before the user agreed to it.
      const url = checkBaseUrl(baseUrl);
      if (url.ok && url.insecure && allowInsecureHttp !== true) key = undefined;
      const profile = deps.profiles.list().find((p) => p.id === profileId);
      const connectTimeoutMs = profile?.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
      return checkForSave(
        { baseUrl, ...(key === undefined ? {} : { apiKey: key }) },
        { fetch: deps.fetch, connectTimeoutMs },
      );
    },
  };
}
