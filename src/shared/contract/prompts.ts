import { z } from 'zod';
import { route } from './define';
import { UI_LANGUAGES } from '../rules/languages';
import { promptFieldsSchema, type PromptLibrary, type SavedPrompt } from '../types/prompts';

export type { PromptFields, PromptLibrary, PromptModel, SavedPrompt } from '../types/prompts';

const id = z.string().min(1).max(200);
const language = z.enum(UI_LANGUAGES);

export const promptRoutes = {
  /** The user's own prompts, then the built-ins in the UI language (less those hidden). */
  'prompts.list': route<PromptLibrary>()(z.object({ language }).strict()),
  'prompts.create': route<SavedPrompt>()(z.object({ fields: promptFieldsSchema }).strict()),
  /** A built-in cannot be changed (`prompt_builtin`): copy it with `prompts.create`. */
  'prompts.update': route<SavedPrompt>()(z.object({ id, fields: promptFieldsSchema }).strict()),
  /** Deletes one of the user's prompts; a built-in is hidden instead. */
  'prompts.delete': route<{ deleted: true }>()(z.object({ id }).strict()),
  /** Hides a built-in prompt or shows it again. */
  'prompts.setHidden': route<{ hidden: boolean }>()(z.object({ id, hidden: z.boolean() }).strict()),
  /**
   * Asks where to read an exported prompt file (a dialog in main) and adds its prompts; `path`
   * is null when the user cancelled. A file that is not a prompt file changes nothing.
   */
  'prompts.import': route<{ path: string | null; added: number; skipped: number }>()(
    z.object({}).strict(),
  ),
  /** Writes the user's prompts as JSON where the user chooses; `savedTo` null when cancelled. */
  'prompts.export': route<{ savedTo: string | null; count: number }>()(z.object({}).strict()),
};
