import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { builtinPrompts, isBuiltinPromptId } from '../../shared/prompts/builtinPrompts';
import type { UiLanguage } from '../../shared/rules/languages';
import {
  PROMPTS_MAX,
  type PromptFields,
  type PromptLibrary as PromptLibraryView,
  type SavedPrompt,
} from '../../shared/types/prompts';
import { coded, type CodedText } from '../../shared/codes';
import { FleeceError } from '../errors/FleeceError';
import { removeStaleTempFiles, writeFileAtomic } from '../settings/writeFileAtomic';
import {
  EMPTY_STATE,
  parsePromptFile,
  promptStateSchema,
  serializePromptFile,
  type PromptState,
} from './promptFile';

export const PROMPTS_FILE = 'prompts.json';

export interface PromptLibraryOptions {
  dataDir: string;
  now?: () => number;
  newId?: () => string;
}

/**
 * The prompt library: the user's saved prompts in `prompts.json` (data folder, written
 * atomically, one write at a time) and the built-ins that ship, which can be hidden but not
 * changed. A damaged file is moved aside, never overwritten, and the library starts empty.
 */
export class PromptLibrary {
  readonly filePath: string;
  /** Set when the file was unusable at start-up (for a notice). */
  readonly notice: { text: CodedText; movedTo?: string } | undefined;
  private state: PromptState;
  private writes: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly newId: () => string;

  private constructor(
    filePath: string,
    state: PromptState,
    options: PromptLibraryOptions,
    notice?: { text: CodedText; movedTo?: string },
  ) {
    this.filePath = filePath;
    this.state = state;
    this.notice = notice;
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
  }

  static async open(options: PromptLibraryOptions): Promise<PromptLibrary> {
    await mkdir(options.dataDir, { recursive: true });
    const filePath = join(options.dataDir, PROMPTS_FILE);
    await removeStaleTempFiles(filePath);
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return new PromptLibrary(filePath, structuredClone(EMPTY_STATE), options);
      throw error;
    }
    let parsed: PromptState | undefined;
    try {
      const result = promptStateSchema.safeParse(JSON.parse(text));
      if (result.success) parsed = result.data;
    } catch {
      // not JSON: handled as damaged below
    }
    if (parsed) return new PromptLibrary(filePath, parsed, options);
    const stamp = new Date(options.now?.() ?? Date.now()).toISOString().replace(/[:.]/g, '-');
    const movedTo = join(options.dataDir, `prompts.corrupt-${stamp}.json`);
    const moved = await rename(filePath, movedTo).then(
      () => true,
      () => false,
    );
    return new PromptLibrary(filePath, structuredClone(EMPTY_STATE), options, {
      text: coded('prompts_reset'),
      ...(moved ? { movedTo } : {}),
    });
  }

  /**
   * The user's prompts by name, then the built-ins in `language` (less the hidden ones): what
   * the user wrote is what they most likely want first.
   */
  list(language: UiLanguage): PromptLibraryView {
    const hidden = new Set(this.state.hiddenBuiltins);
    const builtins = builtinPrompts(language);
    const own = [...this.state.prompts]
      .sort((a, b) => a.name.localeCompare(b.name, language))
      .map((p): SavedPrompt => ({ ...p, builtin: false }));
    return {
      prompts: [...own, ...builtins.filter((b) => !hidden.has(b.id))],
      hidden: builtins.filter((b) => hidden.has(b.id)).map((b) => ({ id: b.id, name: b.name })),
    };
  }

  async create(fields: PromptFields): Promise<SavedPrompt> {
    const at = this.now();
    const prompt = { ...fields, id: this.newId(), createdAt: at, updatedAt: at };
    await this.change((draft) => {
      if (draft.prompts.length >= PROMPTS_MAX)
        throw new FleeceError('bad_request', { text: 'prompts_import_too_large' });
      draft.prompts.push(prompt);
    });
    return { ...prompt, builtin: false };
  }

  async update(id: string, fields: PromptFields): Promise<SavedPrompt> {
    if (isBuiltinPromptId(id)) throw new FleeceError('bad_request', { text: 'prompt_builtin' });
    let updated: SavedPrompt | undefined;
    await this.change((draft) => {
      const index = draft.prompts.findIndex((p) => p.id === id);
      const old = draft.prompts[index];
      if (!old) throw new FleeceError('not_found');
      const next = { ...old, ...fields, updatedAt: this.now() };
      draft.prompts[index] = next;
      updated = { ...next, builtin: false };
    });
    if (!updated) throw new FleeceError('not_found');
    return updated;
  }

  /** Deletes one of the user's prompts; a built-in is hidden instead (it can be shown again). */
  async delete(id: string): Promise<void> {
    if (isBuiltinPromptId(id)) return this.setHidden(id, true);
    await this.change((draft) => {
      const before = draft.prompts.length;
      draft.prompts = draft.prompts.filter((p) => p.id !== id);
      if (draft.prompts.length === before) throw new FleeceError('not_found');
    });
  }

  async setHidden(id: string, hidden: boolean): Promise<void> {
    if (!isBuiltinPromptId(id)) throw new FleeceError('not_found');
    await this.change((draft) => {
      const rest = draft.hiddenBuiltins.filter((h) => h !== id);
      draft.hiddenBuiltins = hidden ? [...rest, id] : rest;
    });
  }

  /** The user's prompts as an export file (built-ins ship with every Fleece). */
  exportText(): string {
    return serializePromptFile(this.state.prompts.map((p) => ({ ...p, builtin: false })));
  }

  /**
   * Adds the prompts of an exported file. One already in the library (same name and system
   * prompt) is skipped, so importing a file twice adds nothing. Nothing is written when the
   * file is refused.
   */
  async importText(text: string): Promise<{ added: number; skipped: number }> {
    const incoming = parsePromptFile(text);
    let added = 0;
    let skipped = 0;
    await this.change((draft) => {
      const seen = new Set(draft.prompts.map(identity));
      for (const fields of incoming) {
        const key = identity(fields);
        if (seen.has(key)) {
          skipped += 1;
          continue;
        }
        if (draft.prompts.length >= PROMPTS_MAX)
          throw new FleeceError('bad_import', { text: 'prompts_import_too_large' });
        seen.add(key);
        const at = this.now();
        draft.prompts.push({ ...fields, id: this.newId(), createdAt: at, updatedAt: at });
        added += 1;
      }
    });
    return { added, skipped };
  }

  /** Resolves when every write started so far has finished. */
  async flush(): Promise<void> {
    await this.writes;
  }

  private change(mutate: (draft: PromptState) => void): Promise<void> {
    const run = this.writes.then(async () => {
      const draft = structuredClone(this.state);
      mutate(draft);
      try {
        await writeFileAtomic(this.filePath, `${JSON.stringify(draft, null, 2)}\n`);
      } catch (error) {
        throw new FleeceError('prompts_write_failed', {
          hint: coded('hint_settings_writable', { path: this.filePath }),
          cause: error,
        });
      }
      // Only what is on disk becomes current: a failed write changes nothing.
      this.state = draft;
    });
    this.writes = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

function identity(p: Pick<PromptFields, 'name' | 'systemPrompt'>): string {
  return `${p.name.trim()}\u0000${p.systemPrompt}`;
}
