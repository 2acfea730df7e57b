import {
  HISTORY_EXPORT_FORMAT,
  HISTORY_EXPORT_VERSION,
  type HistoryExport,
  type ImportPreview,
  type ImportSource,
} from '../../../shared/types/history';
import { convertChatbox, isChatboxBackup } from './chatbox';
import { convertChatGpt, isChatGptExport } from './chatgpt';
import { convertCherry, isCherryBackup } from './cherry';
import { convertCherryMarkdown, isCherryMarkdown } from './cherryMarkdown';
import type { ConvertedImport } from './types';

/** Which app wrote `data`, or null when it is none Fleece reads. */
export function detectImportSource(data: unknown): ImportSource | null {
  const head = data as { format?: unknown } | null;
  if (typeof head === 'object' && head !== null && head.format === HISTORY_EXPORT_FORMAT)
    return 'fleece';
  if (isChatGptExport(data)) return 'chatgpt';
  if (isCherryBackup(data)) return 'cherry';
  if (isChatboxBackup(data)) return 'chatbox';
  return null;
}

/**
 * Another app's file in Fleece's own export shape (checked afterwards like any export), plus
 * what was left out. A Fleece export, or a file of no known source, passes through unchanged so
 * the export check gives its own clear error.
 */
export function convertForeign(
  data: unknown,
  now: number,
): { data: unknown; converted: ConvertedImport | null } {
  const source = detectImportSource(data);
  let converted: ConvertedImport | null = null;
  if (source === 'chatgpt') converted = convertChatGpt(data as unknown[]);
  else if (source === 'cherry') converted = convertCherry(data as Record<string, unknown>);
  else if (source === 'chatbox') converted = convertChatbox(data as Record<string, unknown>, now);
  if (!converted) return { data, converted: null };
  return { data: asExport(converted, now), converted };
}

/**
 * A text file that is not JSON: Cherry Studio's Markdown export of a topic, as an export; null
 * for any other text.
 */
export function convertMarkdown(
  text: string,
  fileTime: number,
): { data: unknown; converted: ConvertedImport } | null {
  if (!isCherryMarkdown(text)) return null;
  const converted = convertCherryMarkdown(text, fileTime);
  return { data: asExport(converted, fileTime), converted };
}

function asExport(converted: ConvertedImport, now: number): unknown {
  return {
    format: HISTORY_EXPORT_FORMAT,
    version: HISTORY_EXPORT_VERSION,
    exportedAt: now,
    conversations: converted.conversations,
  } satisfies Omit<HistoryExport, 'conversations'> & { conversations: unknown[] };
}

/** Counts and date range of what an import would write. */
export function previewOf(
  source: ImportSource,
  conversations: readonly { messages: readonly { createdAt: number }[] }[],
  skipped: ConvertedImport['skipped'],
): ImportPreview {
  let messages = 0;
  let firstAt: number | null = null;
  let lastAt: number | null = null;
  for (const c of conversations)
    for (const m of c.messages) {
      messages += 1;
      if (firstAt === null || m.createdAt < firstAt) firstAt = m.createdAt;
      if (lastAt === null || m.createdAt > lastAt) lastAt = m.createdAt;
    }
  return { source, conversations: conversations.length, messages, firstAt, lastAt, skipped };
}
