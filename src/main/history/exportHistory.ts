import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attachmentRecord, linkedHashes } from './attachmentRepository';
import { decodeFailureText } from '../../shared/failureText';
import {
  HISTORY_EXPORT_FORMAT,
  HISTORY_EXPORT_VERSION,
  type Conversation,
  type ExportedAttachment,
  type HistoryExport,
  type Message,
} from '../../shared/types/history';
import { conversationRow, requireConversationRow } from './conversationRepository';
import { stmt, type Db } from './db';
import { allMessages, pathMessages } from './messagePages';
import { CONVERSATION_COLUMNS, toConversation, type ConversationRow } from './rows';

const STATUS_NOTE: Partial<Record<Message['status'], string>> = {
  stopped: 'stopped by the user',
  interrupted: 'interrupted',
  error: 'failed',
  streaming: 'still streaming',
};

function attachmentPath(dir: string, hash: string): string {
  return join(dir, hash.slice(0, 2), hash);
}

/** Markdown link text: brackets and backslashes escaped so a file name cannot end the link. */
function linkText(name: string): string {
  return name.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/**
 * One conversation as Markdown, for sharing or pasting elsewhere: the path on screen, one version
 * of each message. Attachments are linked to their files in the data folder (images shown inline
 * by viewers that allow local files).
 */
export function exportConversationMarkdown(db: Db, id: string, attachmentsDir?: string): string {
  const conv = toConversation(requireConversationRow(db, id));
  const lines = [`# ${conv.title || 'Untitled conversation'}`, ''];
  lines.push(`_Exported from Fleece · started ${new Date(conv.createdAt).toISOString()}_`, '');
  if (conv.systemPrompt) lines.push('## System', '', conv.systemPrompt, '');
  for (const m of pathMessages(db, id)) {
    const who = m.role === 'user' ? 'User' : m.role === 'assistant' ? 'Assistant' : 'System';
    lines.push(`## ${who}${m.role === 'assistant' && m.model ? ` (${m.model})` : ''}`, '');
    if (m.reasoning) {
      lines.push(
        '> **Reasoning**',
        '>',
        ...m.reasoning.split('\n').map((l) => `> ${l}`.trimEnd()),
        '',
      );
    }
    lines.push(m.content, '');
    if (attachmentsDir && m.attachments.length > 0) {
      for (const a of m.attachments) {
        const url = pathToFileURL(attachmentPath(attachmentsDir, a.hash)).href;
        lines.push(`${a.kind === 'image' ? '!' : ''}[${linkText(a.name)}](${url})`);
      }
      lines.push('');
    }
    const note = STATUS_NOTE[m.status];
    // Only the relay's own words: the rest of a failure is a code the app translates.
    const said = decodeFailureText(m.errorMessage)?.detail;
    if (note) lines.push(`_(${note}${said ? `: ${said}` : ''})_`, '');
  }
  return lines.join('\n').trimEnd() + '\n';
}

function* allConversations(db: Db): Generator<Conversation> {
  // Paged by pk so no statement stays open while the caller reads messages.
  for (let after = 0; ;) {
    const rows = stmt(
      db,
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE pk > ? ORDER BY pk LIMIT 500`,
    ).all(after) as ConversationRow[];
    for (const row of rows) yield toConversation(row);
    const last = rows.at(-1);
    if (!last) return;
    after = last.pk;
  }
}

/** One linked file for an export (null when its file is gone from the data folder). */
function exportedAttachment(db: Db, dir: string, hash: string): ExportedAttachment | null {
  const record = attachmentRecord(db, hash);
  if (!record) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(attachmentPath(dir, hash));
  } catch {
    return null;
  }
  return { ...record, data: bytes.toString('base64') };
}

/**
 * Everything, trash included (with its deletedAt), as one object. Holds it all in memory. The
 * answers of a comparison go as the versions they are; the comparison itself (which question went
 * to which models, the one kept) is not exported: imported, its answers are plain versions.
 */
export function exportAll(db: Db, now: number, attachmentsDir?: string): HistoryExport {
  const conversations = [];
  for (const c of allConversations(db))
    conversations.push({ ...c, messages: allMessages(db, c.id) });
  const attachments = attachmentsDir
    ? linkedHashes(db).flatMap((h) => exportedAttachment(db, attachmentsDir, h) ?? [])
    : [];
  return {
    format: HISTORY_EXPORT_FORMAT,
    version: HISTORY_EXPORT_VERSION,
    exportedAt: now,
    conversations,
    attachments,
  };
}

/** Work in slices of this long, then let the event loop run (IPC, streams) before continuing. */
const SLICE_MS = 12;

/**
 * The same JSON as `exportAll`, written conversation by conversation to a temp file, then renamed
 * into place. Yields to the event loop between slices so exporting a million messages does not
 * stall the main process (the file is not one snapshot if the user keeps chatting meanwhile).
 */
export async function writeExportFile(
  db: Db,
  filePath: string,
  now: number,
  attachmentsDir?: string,
): Promise<{ conversations: number; messages: number }> {
  const temp = `${filePath}.partial`;
  const fd = openSync(temp, 'w');
  let conversations = 0;
  let messages = 0;
  try {
    const head = JSON.stringify({
      format: HISTORY_EXPORT_FORMAT,
      version: HISTORY_EXPORT_VERSION,
      exportedAt: now,
    });
    writeSync(fd, `${head.slice(0, -1)},"conversations":[`);
    let sliceStart = performance.now();
    for (const c of allConversations(db)) {
      // Purged by the user while an earlier slice was waiting: leave it out.
      if (!conversationRow(db, c.id)) continue;
      const msgs = allMessages(db, c.id);
      writeSync(fd, (conversations > 0 ? ',\n' : '\n') + JSON.stringify({ ...c, messages: msgs }));
      conversations += 1;
      messages += msgs.length;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    writeSync(fd, '\n],"attachments":[');
    // Each file once, after the messages that refer to it (the import reads the whole file).
    let files = 0;
    for (const hash of attachmentsDir ? linkedHashes(db) : []) {
      const file = exportedAttachment(db, attachmentsDir ?? '', hash);
      if (!file) continue;
      writeSync(fd, (files > 0 ? ',\n' : '\n') + JSON.stringify(file));
      files += 1;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    writeSync(fd, '\n]}\n');
  } finally {
    closeSync(fd);
  }
  renameSync(temp, filePath);
  return { conversations, messages };
}
