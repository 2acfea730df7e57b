import { z } from 'zod';
import { attachmentListSchema } from './attachment';

/**
 * The one definition of a chat message: main stores it (each field is a column of the same name
 * in snake_case), the import reads it, the contract carries it and the renderer shows it. Plain
 * serialisable data; timestamps are milliseconds since the epoch. No API key, by design.
 *
 * A field's default is what a message holds when nobody set it: a new message, or an export
 * written before the field existed.
 */

export const MESSAGE_ROLES = ['system', 'user', 'assistant'] as const;

/** `streaming` → `complete` | `stopped` | `interrupted` | `error` (see DESIGN.md, "A chat turn"). */
export const MESSAGE_STATUSES = [
  'streaming',
  'complete',
  'stopped',
  'interrupted',
  'error',
] as const;

const nullableString = z.string().nullable().default(null);
const nullableNumber = z.number().nullable().default(null);

export const messageSchema = z.object({
  id: z.string().min(1).max(200),
  conversationId: z.string().min(1).max(200),
  role: z.enum(MESSAGE_ROLES),
  content: z.string().default(''),
  reasoning: z.string().default(''),
  status: z.enum(MESSAGE_STATUSES).default('complete'),
  model: nullableString,
  profileId: nullableString,
  promptTokens: nullableNumber,
  completionTokens: nullableNumber,
  /** The token counts were estimated locally (the relay sent no usage). */
  tokensEstimated: z.boolean().default(false),
  cost: nullableNumber,
  ttftMs: nullableNumber,
  durationMs: nullableNumber,
  /** How long the model reasoned ("thinking") before it answered; null without reasoning. */
  reasoningMs: nullableNumber,
  finishReason: nullableString,
  errorKind: nullableString,
  errorMessage: nullableString,
  /** What the user can do about the failure (e.g. the key looks like another service's). */
  errorHint: nullableString,
  /** How long the relay asked us to wait before trying again (429 Retry-After). */
  retryAfterMs: nullableNumber,
  /** Files sent with a question (images, text files, PDFs), in the order they were attached. */
  attachments: attachmentListSchema.default([]),
  /**
   * The message this one follows (null for a conversation's first message, or a version of it).
   * Messages with the same parent are versions of one another: regenerated answers, edited
   * questions. See `rules/versionTree.ts`.
   */
  parentId: nullableString,
  /** Among its versions, the one with the highest rank is on screen (the last one chosen). */
  versionRank: z.number().int().min(0).default(0),
  /** When the user last changed the text in place; null when never. */
  editedAt: nullableNumber,
  /** Deleted (the undo can still bring it back); such messages are left out everywhere. */
  deletedAt: nullableNumber,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export type Message = z.output<typeof messageSchema>;
export type MessageRole = Message['role'];
export type MessageStatus = Message['status'];

/** The fields a message takes by default when a writer leaves them out. */
export type MessageDefaults = {
  [
    K in keyof Message as undefined extends z.input<typeof messageSchema>[K] ? K : never
  ]: Message[K];
};

/** Each field's own default, read from the schema (a field without one is required). */
export const MESSAGE_DEFAULTS = Object.freeze(
  Object.fromEntries(
    Object.entries(messageSchema.shape).flatMap(([key, field]) => {
      const parsed = field.safeParse(undefined);
      return parsed.success ? [[key, parsed.data]] : [];
    }),
  ) as MessageDefaults,
);

/** `fields` over the defaults; a field given as `undefined` keeps its default. */
export function withMessageDefaults<T extends Partial<Message>>(fields: T): MessageDefaults & T {
  const out: Record<string, unknown> = { ...MESSAGE_DEFAULTS };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as MessageDefaults & T;
}
