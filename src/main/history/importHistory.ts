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
import { HistoryError } from './rows';

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

export type HistoryImportData = z.output<typeof exportSchema>;

/** Checks a parsed export file; throws a `bad_import` error that says what is wrong. */
export function validateHistoryExport(data: unknown): HistoryImportData {
  const parsed = exportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HistoryError(
      'bad_import',
      `This is not a Fleece history export (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid'}).`,
    );
  }
  return parsed.data;
}

/** Merges an export by id in one transaction: existing conversations and messages are kept as they are. */
export function importHistory(db: Db, data: unknown): ImportReport {
  const file = validateHistoryExport(data);
  const report: ImportReport = {
    conversationsAdded: 0,
    conversationsMerged: 0,
    messagesAdded: 0,
    messagesSkipped: 0,
  };
  db.transaction(() => {
    for (const { messages, ...conv } of file.conversations) {
      const existing = conversationRow(db, conv.id);
      const pk = existing ? existing.pk : insertConversation(db, conv);
      const deleted = existing ? existing.deleted_at !== null : conv.deletedAt !== null;
      if (existing) report.conversationsMerged += 1;
      else report.conversationsAdded += 1;
      const ordered = [...messages].sort((a, b) => a.createdAt - b.createdAt);
      let latest = 0;
      for (const m of ordered) {
        if (stmt(db, 'SELECT 1 FROM messages WHERE id = ?').get(m.id)) {
          report.messagesSkipped += 1;
          continue;
        }
        // A file exported mid-stream: that stream is over.
        const status = m.status === 'streaming' ? 'interrupted' : m.status;
        insertMessageRow(db, pk, { ...m, status }, !deleted);
        report.messagesAdded += 1;
        latest = Math.max(latest, m.createdAt);
      }
      if (latest > 0) touchConversation(db, pk, latest);
    }
  })();
  return report;
}
