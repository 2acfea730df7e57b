import { profileSchema, type Profile } from '../../shared/types/profiles';
import { scrubSecrets } from './scrubSecrets';
import {
  defaultSettings,
  migrate,
  SECTION_NAMES,
  SECTIONS,
  SETTINGS_VERSION,
  type Settings,
} from './schema';

export type ParsedSettings =
  | {
      ok: true;
      settings: Settings;
      /** Top-level keys we do not know (written by a newer Fleece): kept and written back. */
      extras: Record<string, unknown>;
      /** Sections (or `profiles[i]` entries) that were invalid and replaced by defaults. */
      reset: string[];
      /** Key-like fields that were removed (JSON paths): the file must be rewritten without them. */
      scrubbed: string[];
    }
  | { ok: false; reason: 'settings_not_json' | 'settings_not_object' | 'settings_no_version' };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the text of settings.json. Never throws: the caller decides what to do with a failure. */
export function parseSettings(text: string): ParsedSettings {
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'settings_not_json' };
  }
  const { value: raw, removed: scrubbed } = scrubSecrets(parsedJson);
  if (!isPlainObject(raw)) return { ok: false, reason: 'settings_not_object' };
  const version = raw['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'settings_no_version' };
  }

  const migrated = migrate(raw, version);
  const settings = defaultSettings();
  const reset: string[] = [];
  for (const name of SECTION_NAMES) {
    const value = migrated[name];
    if (value === undefined) continue; // a section newer than the file: defaults, no notice
    if (name === 'profiles') {
      settings.profiles = parseProfiles(value, reset);
      continue;
    }
    const parsed = SECTIONS[name].schema.safeParse(value);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[name] = parsed.data;
    else reset.push(name);
  }
  if (
    settings.activeProfileId !== null &&
    !settings.profiles.some((p) => p.id === settings.activeProfileId)
  ) {
    settings.activeProfileId = settings.profiles[0]?.id ?? null;
  }
  // A repaired file keeps a usable active profile when it still has profiles.
  if (reset.length > 0 && settings.activeProfileId === null && settings.profiles[0])
    settings.activeProfileId = settings.profiles[0].id;

  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(migrated)) {
    if (key !== 'version' && !(SECTION_NAMES as string[]).includes(key)) extras[key] = value;
  }
  return {
    ok: true,
    settings: { ...settings, version: SETTINGS_VERSION },
    extras,
    reset,
    scrubbed,
  };
}

/** Profiles are checked one by one so one bad entry does not cost the user all the others. */
function parseProfiles(value: unknown, reset: string[]): Profile[] {
  if (!Array.isArray(value)) {
    reset.push('profiles');
    return [];
  }
  const profiles: Profile[] = [];
  const seen = new Set<string>();
  value.forEach((entry, index) => {
    const parsed = profileSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.id)) {
      reset.push(`profiles[${index}]`);
      return;
    }
    seen.add(parsed.data.id);
    profiles.push(parsed.data);
  });
  return profiles;
}

export function serializeSettings(settings: Settings, extras: Record<string, unknown>): string {
  return `${JSON.stringify({ ...extras, ...settings }, null, 2)}\n`;
}
