import { readFile } from 'node:fs/promises';
import { coded } from '../../shared/codes';
import { isBypassEntry } from '../../shared/rules/proxyBypass';
import {
  defaultNetworkSettings,
  type NetworkPatch,
  type NetworkSettings,
  type NetworkState,
  type ProxyTestResult,
} from '../../shared/types/network';
import { FleeceError } from '../errors/FleeceError';
import type { ProfileService } from '../profiles';
import { errorFromFetchFailure } from '../relay/network-errors';
import { proxyAuthFailed } from '../relay/http-errors';
import type { SecretStore } from '../secrets';
import type { SettingsStore } from '../settings';
import { planFrom, routeOf, type NetworkHost } from './proxyPlan';

/** The keychain entry of the proxy password (profiles use their ids, which never look like this). */
export const PROXY_PASSWORD_ACCOUNT = 'network:proxy';

/** An extra CA file larger than this is not a certificate bundle anyone meant to pick. */
const MAX_CA_BYTES = 1024 * 1024;

export interface NetworkServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  host: NetworkHost;
  profiles: ProfileService;
  fetch: typeof globalThis.fetch;
  log: (message: string, error?: unknown) => void;
}

/**
 * The Network settings: keeps them (password in the keychain), hands the host a plan to route
 * every request main makes, and tests the way to the active relay.
 */
export class NetworkService {
  constructor(private readonly deps: NetworkServiceDeps) {}

  current(): NetworkSettings {
    return this.deps.settings.get().network ?? defaultNetworkSettings();
  }

  /** Applies the saved settings; a CA file gone missing is logged and left out, not fatal. */
  async start(): Promise<void> {
    const settings = this.current();
    let ca: string | null = null;
    if (settings.caFile !== null) {
      ca = await readCa(settings.caFile).catch((error: unknown) => {
        this.deps.log(`the extra CA file ${settings.caFile} could not be read`, error);
        return null;
      });
    }
    await this.deps.host.apply(planFrom(settings, await this.password(), ca));
  }

  async state(): Promise<NetworkState> {
    return { settings: this.current(), passwordSet: (await this.password()) !== null };
  }

  async update(patch: NetworkPatch): Promise<NetworkState> {
    const { password, ...fields } = patch;
    const next: NetworkSettings = { ...this.current(), ...stripUndefined(fields) };
    if (next.mode === 'manual' && (next.host === '' || next.port === null))
      throw new FleeceError('proxy_host_missing');
    const bad = next.bypass.find((e) => !isBypassEntry(e));
    if (bad !== undefined)
      throw new FleeceError('proxy_bypass_invalid', { params: { entry: bad } });
    const ca = next.caFile === null ? null : await readCa(next.caFile);
    if (password === null) await this.deps.secrets.delete(PROXY_PASSWORD_ACCOUNT);
    else if (password !== undefined && password !== '')
      await this.deps.secrets.set(PROXY_PASSWORD_ACCOUNT, password);
    await this.deps.settings.update((draft) => {
      draft.network = next;
    });
    await this.deps.host.apply(planFrom(next, await this.password(), ca));
    return this.state();
  }

  /** `GET …/models` on the active relay the way every request goes now: route, status, time. */
  async test(): Promise<ProxyTestResult> {
    const { profiles } = this.deps;
    const id = profiles.activeProfileId();
    if (id === null) throw new FleeceError('no_profile', { hint: coded('hint_add_profile') });
    // The way is what is tested: a missing key makes the relay answer 401, still a round trip.
    const apiKey = await profiles.resolveEndpoint(id).then(
      (e) => e.apiKey,
      () => undefined,
    );
    const url = `${profiles.get(id).baseUrl.replace(/\/+$/, '')}/models`;
    const route = routeOf(this.current(), url);
    const started = performance.now();
    let res: Response;
    try {
      res = await this.deps.fetch(url, {
        headers: apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` },
        credentials: 'omit',
        signal: AbortSignal.timeout(20_000),
      });
    } catch (error) {
      throw errorFromFetchFailure(error, url);
    }
    await res.body?.cancel().catch(() => undefined);
    if (res.status === 407) throw proxyAuthFailed(url);
    return {
      ...route,
      target: new URL(url).host,
      status: res.status,
      ms: Math.round(performance.now() - started),
    };
  }

  private async password(): Promise<string | null> {
    try {
      return await this.deps.secrets.get(PROXY_PASSWORD_ACCOUNT);
    } catch (error) {
      this.deps.log('the proxy password could not be read from the keychain', error);
      return null;
    }
  }
}

async function readCa(path: string): Promise<string> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.byteLength > MAX_CA_BYTES) throw new Error('too large');
    text = bytes.toString('utf8');
  } catch (error) {
    throw new FleeceError('proxy_ca_unreadable', { params: { path }, cause: error });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new FleeceError('proxy_ca_not_pem', {
      params: { path },
      hint: coded('hint_proxy_ca_pem'),
    });
  return text;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
