import { z } from 'zod';
import { messageSchema } from '../../shared/message';
import {
  HISTORY_EXPORT_FORMAT,
  HISTORY_EXPORT_VERSION,
  type ImportReport,
} from '../../shared/types/history';
import { conversationRow, insertConversation, touchConversation } from './conversationRepository';
import { stmt, type Db } from './db';
import { insertMessageRow } from './messageRepository';
import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { ATTACHMENT_KINDS } from '../../shared/attachment';
import { CONTEXT_TURNS_MAX } from '../../shared/rules/contextTrim';
import { AttachmentFiles, sha256 } from '../attachments/AttachmentFiles';
import { recordAttachment } from './attachmentRepository';

const nullableString = z.string().nullable().default(null);
const nullableNumber = z.number().nullable().default(null);

/**
 * A message as an export file holds it: the app's own definition, without the conversation id
 * (the message sits inside its conversation). Fields added after a file was written take their
 * defaults; unknown fields are stripped, so whatever a file carries (an `apiKey`, say) never
 * reaches the DB.
 */
const fileMessageSchema = messageSchema
  .omit({ conversationId: true })
  .extend({ id: z.string().min(1).max(100), content: z.string() });

const conversationSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(1000).default(''),
  titleIsCustom: z.boolean().default(false),
  pinned: z.boolean().default(false),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  deletedAt: z.number().int().nullable().default(null),
  model: nullableString,
  profileId: nullableString,
  systemPrompt: nullableString,
  temperature: nullableNumber,
  contextTurns: z.number().int().min(0).max(CONTEXT_TURNS_MAX).nullable().default(null),
  messages: z.array(fileMessageSchema),
});

const fileSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(ATTACHMENT_KINDS),
  mime: z.string().min(1).max(100),
  size: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable().default(null),
  height: z.number().int().positive().nullable().default(null),
  text: z.string().nullable().default(null),
  note: z.string().max(100).nullable().default(null),
  data: z.string(),
});

const exportSchema = z.object({
  format: z.literal(HISTORY_EXPORT_FORMAT),
  version: z.literal(HISTORY_EXPORT_VERSION),
  exportedAt: z.number(),
  conversations: z.array(conversationSchema),
  attachments: z.array(fileSchema).default([]),
});

export type ValidExport = z.infer<typeof exportSchema>;
export type FileConversation = ValidExport['conversations'][number];

const headerSchema = exportSchema.omit({ conversations: true });

function tooNew(head: unknown): FleeceError | undefined {
  const h = head as { format?: unknown; version?: unknown } | null;
  if (
    typeof h !== 'object' ||
    h === null ||
    h.format !== HISTORY_EXPORT_FORMAT ||
    typeof h.version !== 'number' ||
    h.version <= HISTORY_EXPORT_VERSION
  )
    return undefined;
  return new FleeceError('import_too_new', {
    params: { version: h.version },
    hint: coded('hint_update_app'),
    details: { version: h.version, supported: HISTORY_EXPORT_VERSION },
  });
}

function notExport(issue: z.core.$ZodIssue | undefined, prefix = ''): FleeceError {
  // Where the file went wrong, in the schema's own (technical) words.
  const where = [prefix, ...(issue?.path ?? []).map(String)].filter((p) => p !== '').join('.');
  return new FleeceError('bad_import', {
    text: 'import_not_export',
    ...(issue ? { detail: `${where || 'file'}: ${issue.message}` } : {}),
  });
}

/** The fields before `conversations` (format, version, exportedAt), read from a stream. */
export function checkExportHeader(head: unknown): void {
  const newer = tooNew(head);
  if (newer) throw newer;
  const parsed = headerSchema.safeParse(head);
  if (!parsed.success) throw notExport(parsed.error.issues[0]);
}

/** One conversation of an export read from a stream; `index` says where in the file it was. */
export function validateConversation(value: unknown, index: number): FileConversation {
  const parsed = conversationSchema.safeParse(value);
  if (!parsed.success) throw notExport(parsed.error.issues[0], `conversations.${index}`);
  return parsed.data;
}

/**
 * The whole check of an export (runs in the import worker): a clear error for a file that is not
 * an export, and for one written by a newer Fleece (which this version cannot read faithfully).
 */
export function validateExport(data: unknown): ValidExport {
  const newer = tooNew(data);
  if (newer) throw newer;
  const parsed = exportSchema.safeParse(data);
  if (!parsed.success) throw notExport(parsed.error.issues[0]);
  return parsed.data;
}

export interface SlicedInsertOptions {
  /**
   * Work per transaction, in ms. Between transactions the file is free for a moment, so a write
   * of the app (a streaming answer's checkpoint) waits at most about this long for its lock.
   */
  sliceMs: number;
  /** Pause after each transaction: SQLite's busy wait retries every few ms and must find a gap. */
  pauseMs: number;
  onProgress?: (done: number, total: number) => void;
  /** Checked between slices; slices already written stay (a later import merges the rest). */
  cancelled?: () => boolean;
}

type ImportOutcome = ImportReport & { cancelled: boolean };

/**
 * Merges an export by id in short transactions (see SlicedInsertOptions), conversation by
 * conversation and message by message, with progress after each slice (in conversations done).
 */
export async function insertExportSliced(
  db: Db,
  data: ValidExport,
  options: SlicedInsertOptions & { attachmentsDir?: string },
): Promise<ImportOutcome> {
  if (options.attachmentsDir) restoreFiles(db, data, options.attachmentsDir);
  return insertConversationsSliced(
    db,
    (async function* () {
      yield data.conversations;
    })(),
    data.conversations.length,
    options,
  );
}

/**
 * The same, for conversations that arrive in batches (an export read as a stream): each batch is
 * written in slices; `total` is the number of conversations all batches hold, for progress.
 */
export async function insertConversationsSliced(
  db: Db,
  batches: AsyncIterable<readonly FileConversation[]>,
  total: number,
  options: SlicedInsertOptions,
): Promise<ImportOutcome> {
  const report = emptyReport();
  let done = 0;
  for await (const batch of batches) {
    const steps = insertSteps(db, batch, report, done);
    for (let finished = false; !finished;) {
      if (options.cancelled?.()) return { ...report, cancelled: true };
      const deadline = performance.now() + options.sliceMs;
      db.transaction(() => {
        do {
          const step = steps.next();
          if (step.done) finished = true;
          else done = step.value;
        } while (!finished && performance.now() < deadline);
      }).immediate();
      options.onProgress?.(done, total);
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  }
  return { ...report, cancelled: false };
}

/** Validates, then merges in one transaction: all or nothing. */
export function importHistory(db: Db, data: unknown, attachmentsDir?: string): ImportReport {
  const valid = validateExport(data);
  const report = emptyReport();
  if (attachmentsDir) restoreFiles(db, valid, attachmentsDir);
  db.transaction(() => {
    for (const _ of insertSteps(db, valid.conversations, report, 0));
  })();
  return report;
}

/**
 * Writes the export's files into the data folder and records them, before the messages that link
 * to them. A file whose bytes do not match its hash is left out (its messages keep the reference
 * and show it as missing); a file already stored is not written again.
 */
function restoreFiles(db: Db, data: ValidExport, dir: string): void {
  const files = new AttachmentFiles(dir);
  for (const file of data.attachments) restoreOne(db, files, file);
}

type FileAttachment = ValidExport['attachments'][number];

/** Writes one exported file (its bytes must match its hash, or it is left out) and its record. */
function restoreOne(db: Db, files: AttachmentFiles, { data: base64, ...record }: FileAttachment) {
  const bytes = Buffer.from(base64, 'base64');
  if (sha256(bytes) !== record.hash) return;
  files.write(bytes);
  db.transaction(() => recordAttachment(db, { ...record, size: bytes.byteLength }, Date.now()))();
}

/**
 * The files of an export read as a stream, one at a time (they follow the conversations in the
 * file, so they are restored in a pass of their own, before the messages that link to them).
 * A file that is not one is refused like a bad conversation.
 */
export function attachmentRestorer(db: Db, dir: string): (value: unknown, index: number) => void {
  const files = new AttachmentFiles(dir);
  return (value, index) => {
    const parsed = fileSchema.safeParse(value);
    if (!parsed.success) throw notExport(parsed.error.issues[0], `attachments.${index}`);
    restoreOne(db, files, parsed.data);
  };
}

/** Checks one exported file read from a stream (see attachmentRestorer). */
export function validateAttachment(value: unknown, index: number): void {
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) throw notExport(parsed.error.issues[0], `attachments.${index}`);
}

function emptyReport(): ImportReport {
  return { conversationsAdded: 0, conversationsMerged: 0, messagesAdded: 0, messagesSkipped: 0 };
}

/** The inserts one by one; yields the number of conversations completed so far after each. */
function* insertSteps(
  db: Db,
  conversations: readonly FileConversation[],
  report: ImportReport,
  doneBefore: number,
): Generator<number> {
  let done = doneBefore;
  for (const conversation of conversations) {
    yield* insertOne(db, conversation, report, done);
    done += 1;
    yield done;
  }
}

function* insertOne(
  db: Db,
  { messages, ...conv }: FileConversation,
  report: ImportReport,
  done: number,
): Generator<number> {
  const existing = conversationRow(db, conv.id);
  const pk = existing ? existing.pk : insertConversation(db, conv);
  const deleted = existing ? existing.deleted_at !== null : conv.deletedAt !== null;
  if (existing) report.conversationsMerged += 1;
  else report.conversationsAdded += 1;
  const ordered = [...messages].sort((a, b) => a.createdAt - b.createdAt);
  // A file written before versions existed has no parents and no ranks: its messages follow one
  // another. (First messages that are versions of one another have ranks.)
  const linear = ordered.every((m) => m.parentId === null && m.versionRank === 0);
  let previous: string | null = null;
  for (const m of ordered) {
    const parentId = linear ? previous : m.parentId;
    previous = m.id;
    if (stmt(db, 'SELECT 1 FROM messages WHERE id = ?').get(m.id)) {
      report.messagesSkipped += 1;
      continue;
    }
    // A file exported mid-stream: that stream is over.
    const status = m.status === 'streaming' ? 'interrupted' : m.status;
    insertMessageRow(
      db,
      pk,
      { ...m, status, parentId, deletedAt: null, conversationId: conv.id },
      !deleted,
    );
    report.messagesAdded += 1;
    touchConversation(db, pk, m.createdAt);
    yield done;
  }
}
