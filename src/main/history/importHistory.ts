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
  messages: z.array(fileMessageSchema),
});

const exportSchema = z.object({
  format: z.literal(HISTORY_EXPORT_FORMAT),
  version: z.literal(HISTORY_EXPORT_VERSION),
  exportedAt: z.number(),
  conversations: z.array(conversationSchema),
});

export type ValidExport = z.infer<typeof exportSchema>;

/**
 * The whole check of an export (runs in the import worker): a clear error for a file that is not
 * an export, and for one written by a newer Fleece (which this version cannot read faithfully).
 */
export function validateExport(data: unknown): ValidExport {
  const head = data as { format?: unknown; version?: unknown } | null;
  if (
    typeof head === 'object' &&
    head !== null &&
    head.format === HISTORY_EXPORT_FORMAT &&
    typeof head.version === 'number' &&
    head.version > HISTORY_EXPORT_VERSION
  ) {
    throw new FleeceError('import_too_new', {
      params: { version: head.version },
      hint: coded('hint_update_app'),
      details: { version: head.version, supported: HISTORY_EXPORT_VERSION },
    });
  }
  const parsed = exportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Where the file went wrong, in the schema's own (technical) words.
    throw new FleeceError('bad_import', {
      text: 'import_not_export',
      ...(issue ? { detail: `${issue.path.join('.') || 'file'}: ${issue.message}` } : {}),
    });
  }
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
  options: SlicedInsertOptions,
): Promise<ImportOutcome> {
  const report = emptyReport();
  const total = data.conversations.length;
  const steps = insertSteps(db, data, report);
  let done = 0;
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
    if (!finished) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return { ...report, cancelled: false };
}

/** Validates, then merges in one transaction: all or nothing. */
export function importHistory(db: Db, data: unknown): ImportReport {
  const valid = validateExport(data);
  const report = emptyReport();
  db.transaction(() => {
    for (const _ of insertSteps(db, valid, report));
  })();
  return report;
}

function emptyReport(): ImportReport {
  return { conversationsAdded: 0, conversationsMerged: 0, messagesAdded: 0, messagesSkipped: 0 };
}

/** The inserts one by one; yields the number of conversations completed so far after each. */
function* insertSteps(db: Db, data: ValidExport, report: ImportReport): Generator<number> {
  let done = 0;
  for (const conversation of data.conversations) {
    yield* insertOne(db, conversation, report, done);
    done += 1;
    yield done;
  }
}

function* insertOne(
  db: Db,
  { messages, ...conv }: ValidExport['conversations'][number],
  report: ImportReport,
  done: number,
): Generator<number> {
  const existing = conversationRow(db, conv.id);
  const pk = existing ? existing.pk : insertConversation(db, conv);
  const deleted = existing ? existing.deleted_at !== null : conv.deletedAt !== null;
  if (existing) report.conversationsMerged += 1;
  else report.conversationsAdded += 1;
  const ordered = [...messages].sort((a, b) => a.createdAt - b.createdAt);
  // A file written before versions existed has no parents: its messages follow one another.
  const linear = ordered.every((m) => m.parentId === null);
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
