import { z } from 'zod';
import { ATTACHMENT_MAX_COUNT } from './rules/attachmentLimits';

/**
 * An attachment as a message holds it: the stored file (by the SHA-256 of its bytes, so the same
 * file attached twice is kept once, see src/main/attachments) plus what the user saw when they
 * attached it. The bytes and the extracted text live in the data folder and the `attachments`
 * table; a message carries only this reference, so pages of messages stay small.
 */
export const ATTACHMENT_KINDS = ['image', 'text', 'pdf'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_NOTES = ['pdf_no_text', 'text_truncated'] as const;

export const attachmentRefSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1).max(255),
  kind: z.enum(ATTACHMENT_KINDS),
  mime: z.string().min(1).max(100),
  size: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable().default(null),
  height: z.number().int().positive().nullable().default(null),
  /** Characters of text sent for a text file or a PDF (after any truncation). */
  textChars: z.number().int().nonnegative().nullable().default(null),
  /** Something the user should know about the content (a PDF without a text layer…). */
  note: z.enum(ATTACHMENT_NOTES).nullable().default(null),
});

export type AttachmentRef = z.output<typeof attachmentRefSchema>;

export const attachmentListSchema = z.array(attachmentRefSchema).max(ATTACHMENT_MAX_COUNT);
