import type { HandlersFor } from '../../shared/contract';
import type { modelRoutes, relayRoutes } from '../../shared/contract/models';
import type { ModelCatalog } from '../models/ModelCatalog';
import type { ProfileService } from '../profiles';
import { probe } from '../relay';
import { checkForSave } from '../relay/save-check';
import { normalizeBaseUrl } from '../profiles/validateProfile';
import { keyWarningFor, normalizeApiKey } from '../profiles/apiKey';
import { coded } from '../../shared/codes';
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
    'relay.check': async ({ baseUrl, apiKey, profileId, model, allowInsecureHttp }) => {
      // The same refusals as saving, at the same fields, before anything goes on the network.
      const url = normalizeBaseUrl(baseUrl);
      const typed = apiKey !== undefined && apiKey.trim() !== '' ? normalizeApiKey(apiKey) : '';
      const profile = deps.profiles.list().find((p) => p.id === profileId);
      let key =
        typed !== '' ? typed : profile ? await deps.profiles.keyForCheck(profile.id, url.url) : '';
      // A key never travels in clear text to another computer before the user agreed to it.
      if (url.insecure && allowInsecureHttp !== true) key = undefined;
      const chosen = model?.trim() || (profile?.defaultModel ?? '');
      const result = await checkForSave(
        { baseUrl: url.url, ...(key ? { apiKey: key } : {}), ...(chosen ? { model: chosen } : {}) },
        {
          fetch: deps.fetch,
          connectTimeoutMs: profile?.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        },
      );
      const warning =
        typed === ''
          ? undefined
          : keyWarningFor({ preset: profile?.preset ?? 'custom', baseUrl: url.url }, typed);
      if (warning)
        result.problems.push({ field: 'apiKey', kind: 'key_format', text: coded(warning.code) });
      return result;
    },
  };
}
