import { bypassesProxy } from '../../shared/rules/proxyBypass';
import type { NetworkSettings, ProxyMode, ProxyProtocol } from '../../shared/types/network';

/** Everything a host needs to route requests: the settings plus the secrets they point to. */
export interface ProxyPlan {
  mode: ProxyMode;
  protocol: ProxyProtocol;
  host: string;
  port: number | null;
  username: string;
  password: string | null;
  bypass: string[];
  /** Contents of the extra CA file (PEM), already read. */
  ca: string | null;
}

/** A manual proxy needs a host and a port; without them the plan falls back to direct. */
export function isUsableManual(plan: Pick<ProxyPlan, 'mode' | 'host' | 'port'>): boolean {
  return plan.mode === 'manual' && plan.host !== '' && plan.port !== null;
}

/** `scheme://host:port` without credentials (for logs, Chromium's rules and the Test report). */
export function proxyAddress(plan: Pick<ProxyPlan, 'protocol' | 'host' | 'port'>): string {
  const host = plan.host.includes(':') && !plan.host.startsWith('[') ? `[${plan.host}]` : plan.host;
  return `${plan.protocol}://${host}:${plan.port ?? ''}`;
}

export function planFrom(
  settings: NetworkSettings,
  password: string | null,
  ca: string | null,
): ProxyPlan {
  return {
    mode: settings.mode,
    protocol: settings.protocol,
    host: settings.host,
    port: settings.port,
    username: settings.username,
    password,
    bypass: settings.bypass,
    ca,
  };
}

/** What a host does with a plan: the harness builds undici dispatchers, Electron sets the session's proxy. */
export interface NetworkHost {
  apply(plan: ProxyPlan): Promise<void>;
}

/** How a request to `url` travels under `plan`: through the manual proxy, direct, or the system's way. */
export function routeOf(
  plan: Pick<ProxyPlan, 'mode' | 'host' | 'port' | 'bypass'>,
  url: string,
): { via: 'proxy' | 'direct' | 'system'; proxy: string | null } {
  if (plan.mode === 'system') return { via: 'system', proxy: null };
  if (!isUsableManual(plan) || bypassesProxy(new URL(url).hostname, plan.bypass))
    return { via: 'direct', proxy: null };
  const host = plan.host.includes(':') ? `[${plan.host}]` : plan.host;
  return { via: 'proxy', proxy: `${host}:${plan.port}` };
}
