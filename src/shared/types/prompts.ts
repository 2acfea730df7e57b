import { z } from 'zod';
import {
  PROMPT_NAME_MAX,
  PROMPT_TEXT_MAX,
  PROMPTS_MAX,
  TEMPERATURE_MAX,
  TEMPERATURE_MIN,
} from '../rules/limits';

// Plain numbers live with the other limits (no schema library needed to read them).
export { PROMPT_NAME_MAX, PROMPT_TEXT_MAX, PROMPTS_MAX };

/** The model a prompt starts with: a profile and a model on it. */
export const promptModelSchema = z
  .object({
    profileId: z.string().min(1).max(200).nullable(),
    model: z.string().trim().min(1).max(200),
  })
  .strict();

/** What the user writes: the fields of a saved prompt without its identity. */
export const promptFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(PROMPT_NAME_MAX),
    systemPrompt: z.string().max(PROMPT_TEXT_MAX),
    model: promptModelSchema.nullable().default(null),
    temperature: z.number().min(TEMPERATURE_MIN).max(TEMPERATURE_MAX).nullable().default(null),
    firstMessage: z.string().max(PROMPT_TEXT_MAX).default(''),
  })
  .strict();

export type PromptFields = z.output<typeof promptFieldsSchema>;
export type PromptFieldsInput = z.input<typeof promptFieldsSchema>;
export type PromptModel = z.output<typeof promptModelSchema>;

/** A saved prompt (an "assistant"): the user's own, or one that ships with Fleece. */
export interface SavedPrompt extends PromptFields {
  id: string;
  /** Ships with Fleece: written in the UI language, hidden but never edited (copy to edit). */
  builtin: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What `prompts.list` returns: the prompts shown, and the built-ins the user hid. */
export interface PromptLibrary {
  prompts: SavedPrompt[];
  hidden: { id: string; name: string }[];
}

export const PROMPT_FILE_FORMAT = 'fleece-prompts';
export const PROMPT_FILE_VERSION = 1;

/** The JSON file `prompts.export` writes and `prompts.import` reads. */
export const promptFileSchema = z
  .object({
    format: z.literal(PROMPT_FILE_FORMAT),
    version: z.literal(PROMPT_FILE_VERSION),
    prompts: z.array(promptFieldsSchema.passthrough()).max(PROMPTS_MAX),
  })
  .passthrough();

export type PromptFile = z.output<typeof promptFileSchema>;
