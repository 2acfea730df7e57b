import { z } from 'zod';
import { route } from './define';
import type { AttachmentRef } from '../attachment';
import type { CodedText } from '../codes';
import { ATTACHMENT_MAX_FILE_BYTES } from '../rules/attachmentLimits';

export type { AttachmentRef } from '../attachment';

const hash = z
  .string()
  .length(64)
  .regex(/^[0-9a-f]{64}$/);
const name = z.string().min(1).max(1000);
/** Base64 of a file at the per-file limit, plus padding: larger never reaches a handler. */
const BASE64_MAX = Math.ceil(ATTACHMENT_MAX_FILE_BYTES / 3) * 4 + 4;

/** A file of a batch that could not be attached, with why (translated in the window). */
export interface AttachmentFailure {
  name: string;
  reason: CodedText;
}

export interface PickedAttachments {
  /** False where there is no file dialog of the app's own (the browser harness): use a file input. */
  picker: boolean;
  added: AttachmentRef[];
  failed: AttachmentFailure[];
}

export const attachmentRoutes = {
  /** Checks and stores a file the window read (paste, drop, file input); bytes in base64. */
  'attachments.add': route<AttachmentRef>()(
    z.object({ name, data: z.string().max(BASE64_MAX) }).strict(),
  ),
  /** Opens the app's file dialog and attaches what the user picks. */
  'attachments.pick': route<PickedAttachments>()(z.object({}).strict()),
  /** A stored file's bytes (base64) for the window: the original, or an image's small preview. */
  'attachments.read': route<{ mime: string; data: string }>()(
    z.object({ hash, variant: z.enum(['full', 'thumb']) }).strict(),
  ),
  /** Saves a copy where the user chooses (a save dialog). */
  'attachments.saveAs': route<{ savedTo: string | null }>()(z.object({ hash, name }).strict()),
  /** Opens a copy with the system's app for its type. */
  'attachments.open': route<{ opened: boolean }>()(z.object({ hash, name }).strict()),
};
