import { z } from 'zod';
import {
  HISTORY_EXPORT_FORMAT,
  HISTORY_EXPORT_VERSION,
  MESSAGE_STATUSES,
  type ImportReport,
} from '../../shared/types/history';
import { conversationRow, insertConversation, touchConversation } from './conversationRepository';
import { stmt, type Db } from './db';
import { insertMessageRow } from './messageRepository';
import { FleeceError } from '../errors/FleeceError';

const nullableString = z.string().nullable().default(null);
const nullableNumber = z.number().nullable().default(null);

// Unknown fields are stripped: whatever a file carries (an `apiKey`, say) never reaches the DB.
const messageSchema = z.object({
  id: z.string().min(1).max(100),
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
  reasoning: z.string().default(''),
  status: z.enum(MESSAGE_STATUSES as [string, ...string[]]).default('complete'),
  model: nullableString,
  profileId: nullableString,
  promptTokens: nullableNumber,
  completionTokens: nullableNumber,
  tokensEstimated: z.boolean().default(false),
  cost: nullableNumber,
  ttftMs: nullableNumber,
  durationMs: nullableNumber,
  // Added after version 1 files were first written: older files simply lack it.
  reasoningMs: nullableNumber,
  finishReason: nullableString,
  errorKind: nullableString,
  errorMessage: nullableString,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

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
  messages: z.array(messageSchema),
});

const exportSchema = z.object({
  format: z.literal(HISTORY_EXPORT_FORMAT),
  version: z.literal(HISTORY_EXPORT_VERSION),
  exportedAt: z.number(),
  conversations: z.array(conversationSchema),
});

/** Merges an export by id in one transaction: existing conversations and messages are kept as they are. */
export function importHistory(db: Db, data: unknown): ImportReport {
  const parsed = exportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Where the file went wrong, in the schema's own (technical) words.
    throw new FleeceError('bad_import', {
      text: 'import_not_export',
      ...(issue ? { detail: `${issue.path.join('.') || 'file'}: ${issue.message}` } : {}),
    });
  }
  const report: ImportReport = {
    conversationsAdded: 0,
    conversationsMerged: 0,
    messagesAdded: 0,
    messagesSkipped: 0,
  };
  db.transaction(() => {
    for (const { messages, ...conv } of parsed.data.conversations) {
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
        const status =
          m.status === 'streaming'
            ? 'interrupted'
            : (m.status as (typeof MESSAGE_STATUSES)[number]);
        insertMessageRow(db, pk, { ...m, status, conversationId: conv.id }, !deleted);
        report.messagesAdded += 1;
        latest = Math.max(latest, m.createdAt);
      }
      if (latest > 0) touchConversation(db, pk, latest);
    }
  })();
  return report;
}
