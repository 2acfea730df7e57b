import { access, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Preferences, PreferencesPatch } from '../../shared/types/profiles';
import { parseSettings, serializeSettings } from './parseSettings';
import {
  defaultSettings,
  SECTION_NAMES,
  SECTIONS,
  type Settings,
  type WindowBounds,
} from './schema';
import { FleeceError } from '../errors/FleeceError';
import { coded, type CodedText } from '../../shared/codes';
import { removeStaleTempFiles, writeFileAtomic } from './writeFileAtomic';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsNotice {
  /** reset: the whole file was unusable; repaired: some sections were; unreadable: I/O error. */
  code: 'settings_reset' | 'settings_repaired' | 'settings_unreadable';
  /** What to tell the user, translated by the renderer. */
  text: CodedText;
  /** Where the bad file was moved (absolute path), when it could be moved. */
  movedTo?: string;
  /** For `settings_repaired`: the sections that were replaced by defaults. */
  sections?: string[];
}

export interface SettingsStoreOptions {
  dataDir: string;
  now?: () => Date;
}

/**
 * settings.json in the data directory: profiles (never keys), the active profile, preferences,
 * window bounds. Reads happen once at start-up; every change is validated, kept in memory and
 * written atomically, one write at a time, so the file always holds a complete version.
 */
export class SettingsStore {
  readonly filePath: string;
  /** What happened at start-up, for the UI to show once (undefined when all was well). */
  readonly notice: SettingsNotice | undefined;
  private state: Settings;
  private readonly extras: Record<string, unknown>;
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    filePath: string,
    state: Settings,
    extras: Record<string, unknown>,
    notice?: SettingsNotice,
  ) {
    this.filePath = filePath;
    this.state = state;
    this.extras = extras;
    this.notice = notice;
  }

  /** Never throws for a bad or missing file: it falls back to defaults and says why in `notice`. */
  static async open(options: SettingsStoreOptions): Promise<SettingsStore> {
    const now = options.now ?? (() => new Date());
    await mkdir(options.dataDir, { recursive: true });
    const filePath = join(options.dataDir, SETTINGS_FILE);
    await removeStaleTempFiles(filePath);

    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return new SettingsStore(filePath, defaultSettings(), {});
      const notice: SettingsNotice = {
        code: 'settings_unreadable',
        text: coded('settings_unreadable', {
          reason: (error as NodeJS.ErrnoException).code ?? 'EIO',
        }),
      };
      return new SettingsStore(filePath, defaultSettings(), {}, notice);
    }

    const parsed = parseSettings(text);
    if (parsed.ok && parsed.reset.length === 0) {
      const store = new SettingsStore(filePath, parsed.settings, parsed.extras);
      // Key-like fields never stay on disk: the file is rewritten without them at once.
      if (parsed.scrubbed.length > 0) await store.write(store.state).catch(() => undefined);
      return store;
    }

    const movedTo = await moveAside(options.dataDir, filePath, now());
    const notice: SettingsNotice = parsed.ok
      ? {
          code: 'settings_repaired',
          text: coded('settings_repaired', { sections: parsed.reset.join(', ') }),
          sections: parsed.reset,
        }
      : {
          code: 'settings_reset',
          text: coded(parsed.reason),
        };
    if (movedTo) notice.movedTo = movedTo;
    const store = parsed.ok
      ? new SettingsStore(filePath, parsed.settings, parsed.extras, notice)
      : new SettingsStore(filePath, defaultSettings(), {}, notice);
    // Write the usable version now so the next start does not report the same damage again.
    await store.write(store.state).catch(() => undefined);
    return store;
  }

  /** A copy: changing it changes nothing; use `update`. */
  get(): Settings {
    return structuredClone(this.state);
  }

  /**
   * Applies `mutate` to a copy, validates the result, then makes it current and writes it.
   * Resolves once this change is on disk; throws `settings_invalid` / `settings_write_failed`.
   */
  async update(mutate: (draft: Settings) => void): Promise<Settings> {
    // Changes run one after another, each from the state the previous one left; the live state
    // changes only once the new version is on disk, so a failed write changes nothing.
    const change = this.writes.then(async () => {
      const draft = structuredClone(this.state);
      mutate(draft);
      for (const name of SECTION_NAMES) {
        const parsed = SECTIONS[name].schema.safeParse(draft[name]);
        if (!parsed.success) {
          throw new FleeceError('settings_invalid', {
            params: { section: name },
            details: { section: name },
          });
        }
        (draft as unknown as Record<string, unknown>)[name] = parsed.data;
      }
      await this.write(draft);
      this.state = draft;
      return this.get();
    });
    this.writes = change.then(
      () => undefined,
      () => undefined,
    );
    return change;
  }

  async setPreferences(patch: PreferencesPatch): Promise<Preferences> {
    const next = await this.update((draft) => {
      if (patch.language !== undefined) draft.preferences.language = patch.language;
      if (patch.theme !== undefined) draft.preferences.theme = patch.theme;
      if (patch.answerLimitMb !== undefined) draft.preferences.answerLimitMb = patch.answerLimitMb;
      if (patch.answerLimitMinutes !== undefined)
        draft.preferences.answerLimitMinutes = patch.answerLimitMinutes;
      if (patch.pinnedModels !== undefined) draft.preferences.pinnedModels = patch.pinnedModels;
      if (patch.recentModels !== undefined) draft.preferences.recentModels = patch.recentModels;
      if (patch.autoTitles !== undefined) draft.preferences.autoTitles = patch.autoTitles;
      if (patch.titleModel !== undefined) draft.preferences.titleModel = patch.titleModel;
    });
    return next.preferences;
  }

  async setWindowBounds(bounds: WindowBounds | null): Promise<void> {
    await this.update((draft) => {
      draft.windowBounds = bounds;
    });
  }

  /** Resolves when every write started so far has finished (e.g. before quitting). */
  async flush(): Promise<void> {
    await this.writes;
  }

  private async write(state: Settings): Promise<void> {
    try {
      await writeFileAtomic(this.filePath, serializeSettings(state, this.extras));
    } catch (error) {
      throw new FleeceError('settings_write_failed', {
        hint: coded('hint_settings_writable', { path: this.filePath }),
        details: { reason: (error as NodeJS.ErrnoException).code ?? 'unknown' },
        cause: error,
      });
    }
  }
}

async function moveAside(
  dataDir: string,
  filePath: string,
  when: Date,
): Promise<string | undefined> {
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  for (let attempt = 0; attempt < 100; attempt++) {
    const target = join(
      dataDir,
      `settings.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}.json`,
    );
    if (await exists(target)) continue;
    try {
      await rename(filePath, target);
      return target;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
