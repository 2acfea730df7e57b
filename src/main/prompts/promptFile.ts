import { z } from 'zod';
import {
  PROMPT_FILE_FORMAT,
  PROMPT_FILE_VERSION,
  promptFieldsSchema,
  promptFileSchema,
  PROMPTS_MAX,
  type PromptFields,
  type SavedPrompt,
} from '../../shared/types/prompts';
import { FleeceError } from '../errors/FleeceError';

/** An export larger than this is not a prompt library (a thousand long prompts fit easily). */
export const PROMPT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** What `prompts.json` in the data folder holds: the user's prompts and the built-ins hidden. */
export const promptStateSchema = z
  .object({
    version: z.literal(1),
    prompts: z
      .array(
        promptFieldsSchema.extend({
          id: z.string().min(1).max(200),
          createdAt: z.number(),
          updatedAt: z.number(),
        }),
      )
      .max(PROMPTS_MAX),
    hiddenBuiltins: z.array(z.string().max(200)).max(PROMPTS_MAX).default([]),
  })
  .strip();

export type PromptState = z.output<typeof promptStateSchema>;

export const EMPTY_STATE: PromptState = { version: 1, prompts: [], hiddenBuiltins: [] };

/** The JSON a user exports: fields only (no ids or dates, which mean nothing elsewhere). */
export function serializePromptFile(prompts: readonly SavedPrompt[]): string {
  const file = {
    format: PROMPT_FILE_FORMAT,
    version: PROMPT_FILE_VERSION,
    prompts: prompts.map((p): PromptFields => ({
      name: p.name,
      systemPrompt: p.systemPrompt,
      model: p.model,
      temperature: p.temperature,
      firstMessage: p.firstMessage,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an exported prompt file. Throws `prompts_import_not_json` for text that is not JSON and
 * `prompts_import_invalid` (with the first problem's place) for JSON that is not a prompt file.
 */
export function parsePromptFile(text: string): PromptFields[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new FleeceError('bad_import', { text: 'prompts_import_not_json' });
  }
  const parsed = promptFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '—';
    throw new FleeceError('bad_import', {
      text: 'prompts_import_invalid',
      params: { where },
      detail: issue?.message,
    });
  }
  return parsed.data.prompts.map((p) => ({
    name: p.name,
    systemPrompt: p.systemPrompt,
    model: p.model,
    temperature: p.temperature,
    firstMessage: p.firstMessage,
  }));
}
