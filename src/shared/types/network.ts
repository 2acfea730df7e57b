import { z } from 'zod';

/** `system`: the OS (Electron) or the environment's HTTP(S)_PROXY (harness); `none`: direct. */
export const PROXY_MODES = ['system', 'none', 'manual'] as const;
export const PROXY_PROTOCOLS = ['http', 'https', 'socks5'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];
export type ProxyProtocol = (typeof PROXY_PROTOCOLS)[number];

/** Loopback never goes through a proxy unless the user removes these. */
export const DEFAULT_BYPASS = ['localhost', '127.0.0.0/8', '::1'];

const hostSchema = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9.\-:[\]]*$/, 'host');
const bypassEntry = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.\-:*/[\]]+$/, 'bypass');

/** What settings.json keeps (never the password: that is in the keychain). */
export const networkSettingsSchema = z.object({
  mode: z.enum(PROXY_MODES).default('system'),
  protocol: z.enum(PROXY_PROTOCOLS).default('http'),
  host: hostSchema.default(''),
  port: z.number().int().min(1).max(65535).nullable().default(null),
  username: z.string().max(256).default(''),
  bypass: z.array(bypassEntry).max(100).default(DEFAULT_BYPASS),
  /** A PEM file trusted in addition to the system's CAs (TLS inspection on a company network). */
  caFile: z.string().max(4096).nullable().default(null),
});
export type NetworkSettings = z.infer<typeof networkSettingsSchema>;

export function defaultNetworkSettings(): NetworkSettings {
  return networkSettingsSchema.parse({});
}

/** The patch from the Network section; `password: null` removes the stored one. */
export const networkPatchSchema = networkSettingsSchema
  .partial()
  .extend({ password: z.string().max(1024).nullable().optional() })
  .strict();
export type NetworkPatch = z.input<typeof networkPatchSchema>;

export interface NetworkState {
  settings: NetworkSettings;
  /** A proxy password is in the keychain (never returned). */
  passwordSet: boolean;
}

/** What "Test" found: the way a request went and how long the round trip took. */
export interface ProxyTestResult {
  via: 'proxy' | 'direct' | 'system';
  /** `host:port` of the proxy used, when one was. */
  proxy: string | null;
  /** Host of the relay tested. */
  target: string;
  /** HTTP status the relay answered `GET …/models` with. */
  status: number;
  ms: number;
}
