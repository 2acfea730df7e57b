import { z } from 'zod';
import {
  preferencesSchema,
  profileSchema,
  type Preferences,
  type Profile,
} from '../../shared/types/profiles';
import { usageSettingsSchema, type StoredUsageSettings } from '../../shared/types/usage';
import { networkSettingsSchema, type NetworkSettings } from '../../shared/types/network';
import { updateSettingsSchema, type UpdateSettings } from '../../shared/types/updates';

/** Bump when a section changes shape, and add a step to MIGRATIONS. New sections need no bump. */
export const SETTINGS_VERSION = 1;

/** Where the window was; without x and y the OS places it (the saved spot is off every screen). */
export const windowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(100),
  height: z.number().int().min(100),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

export interface Settings {
  version: number;
  profiles: Profile[];
  activeProfileId: string | null;
  preferences: Preferences;
  windowBounds: WindowBounds | null;
  /** Prices, currency, rates and budgets (src/main/usage); undefined until first changed. */
  usage: StoredUsageSettings | undefined;
  /** Proxy, bypass list and extra CA (the proxy password is in the keychain). */
  network: NetworkSettings | undefined;
  /** Update feed and whether to check at start; undefined until first changed. */
  updates: UpdateSettings | undefined;
}

type SectionName = Exclude<keyof Settings, 'version'>;

interface Section<T> {
  schema: z.ZodType<T>;
  defaults: () => T;
}

/**
 * One entry per top-level section of settings.json. Adding a section (currency, budgets,
 * prices, …) means adding it to `Settings` and here with its defaults: files written before it
 * existed load with the defaults, and a section that fails validation is reset alone (the
 * caller gets a notice) instead of costing the user every other setting.
 */
export const SECTIONS: { [K in SectionName]: Section<Settings[K]> } = {
  profiles: { schema: z.array(profileSchema), defaults: () => [] },
  activeProfileId: { schema: z.string().min(1).nullable(), defaults: () => null },
  preferences: {
    schema: preferencesSchema,
    defaults: () => ({ language: 'system', theme: 'system' }),
  },
  windowBounds: { schema: windowBoundsSchema.nullable(), defaults: () => null },
  usage: { schema: usageSettingsSchema.optional(), defaults: () => undefined },
  network: { schema: networkSettingsSchema.optional(), defaults: () => undefined },
  updates: { schema: updateSettingsSchema.optional(), defaults: () => undefined },
};

export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    profiles: SECTIONS.profiles.defaults(),
    activeProfileId: SECTIONS.activeProfileId.defaults(),
    preferences: SECTIONS.preferences.defaults(),
    windowBounds: SECTIONS.windowBounds.defaults(),
    usage: SECTIONS.usage.defaults(),
    network: SECTIONS.network.defaults(),
    updates: SECTIONS.updates.defaults(),
  };
}

/** Migrations from version N to N+1, applied to the raw object before validation. */
export const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> =
  {};

export function migrate(
  raw: Record<string, unknown>,
  fromVersion: number,
): Record<string, unknown> {
  let current = raw;
  for (let v = fromVersion; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) current = step(current);
  }
  return current;
}
