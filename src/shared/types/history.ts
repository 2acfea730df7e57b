/**
 * Conversation history shapes that cross the IPC boundary. Plain serialisable data; timestamps
 * are milliseconds since the epoch. No API key appears anywhere in history, by design.
 */

import type { Message, MessageRole } from '../message';
import type { Comparison } from './compare';

export { MESSAGE_STATUSES } from '../message';
export type { Message, MessageRole, MessageStatus } from '../message';

export interface Conversation {
  id: string;
  title: string;
  /** True once the user renamed it: an automatic title never overwrites a user's. */
  titleIsCustom: boolean;
  pinned: boolean;
  createdAt: number;
  /** Last activity (a message added or finished, a rename). */
  updatedAt: number;
  /** Set while the conversation is in the trash. */
  deletedAt: number | null;
  model: string | null;
  profileId: string | null;
  systemPrompt: string | null;
  temperature: number | null;
  /** Past turns sent with a new question at most; null: as many as the model's window holds. */
  contextTurns: number | null;
}

export interface ConversationPage {
  conversations: Conversation[];
  /** Pass back to get the next page; null at the end. */
  nextCursor: string | null;
}

export interface MessagePage {
  /** Oldest first within the page. */
  messages: Message[];
  /** True when older messages exist before the first one of this page. */
  hasMore: boolean;
  /** True when newer messages exist after the last one (a page before, after or around a message). */
  hasNewer?: boolean;
  /** For each message of the page that has other versions: the ids of all of them, in order. */
  versions?: Record<string, string[]>;
  /** Comparisons (several models at once) whose question is on the page and none kept yet. */
  comparisons?: Comparison[];
}

export interface SearchResult {
  conversationId: string;
  conversationTitle: string;
  /** The message to jump to; null when the conversation title matched. */
  messageId: string | null;
  role: MessageRole | null;
  /** Plain text (never HTML), whitespace flattened. */
  snippet: string;
  /** [start, end) UTF-16 offsets into `snippet` to highlight. */
  ranges: [number, number][];
  createdAt: number;
}

export interface SearchPage {
  /** The first page starts with matching conversation titles, then messages newest first. */
  results: SearchResult[];
  nextCursor: string | null;
}

export type HistoryNotice =
  | {
      kind: 'history_recovered';
      movedTo: string;
      reason: string;
      /** Found in the background: what was copied from the damaged file into the fresh one. */
      recovered?: { conversations: number; messages: number };
    }
  | { kind: 'history_migrated'; fromVersion: number; toVersion: number; backup: string };

export interface ImportReport {
  conversationsAdded: number;
  conversationsMerged: number;
  messagesAdded: number;
  messagesSkipped: number;
  /** Which app wrote the file (absent in reports of older versions). */
  source?: ImportSource;
  /** What the file held that was left out, and why (see README → Imports). */
  skipped?: ImportSkip[];
}

/** The apps whose files Fleece imports. */
export const IMPORT_SOURCES = ['fleece', 'chatgpt', 'chatbox', 'cherry'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/**
 * Why part of a file was not imported: a system prompt on another branch of a conversation (with
 * other text than the shown branch's: a conversation keeps one), a tool call or result, a hidden
 * system message, an image or file attachment, an empty message, or a conversation kind Fleece
 * has no place for (an image-generation session). Other branches' messages are imported as
 * versions.
 */
export const IMPORT_SKIP_REASONS = [
  'branch',
  'tool',
  'hidden',
  'attachment',
  'empty',
  'unsupported',
] as const;
export type ImportSkipReason = (typeof IMPORT_SKIP_REASONS)[number];

export interface ImportSkip {
  reason: ImportSkipReason;
  count: number;
}

/** What a file holds, shown before anything is written. Times are ms; null without messages. */
export interface ImportPreview {
  source: ImportSource;
  conversations: number;
  messages: number;
  firstAt: number | null;
  lastAt: number | null;
  skipped: ImportSkip[];
}

/** An import running in the background: reading the file, checking it, then inserting batches. */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'inserting';
  /** Conversations inserted so far (0 before inserting starts). */
  done: number;
  total: number;
}

export const HISTORY_EXPORT_FORMAT = 'fleece-history';
export const HISTORY_EXPORT_VERSION = 1;

export interface HistoryExport {
  format: typeof HISTORY_EXPORT_FORMAT;
  version: typeof HISTORY_EXPORT_VERSION;
  exportedAt: number;
  conversations: (Conversation & { messages: Message[] })[];
  /** The attached files the messages refer to, each once, bytes in base64 (absent before 0.2). */
  attachments?: ExportedAttachment[];
}

/** One attached file in an export: what it is, its extracted text and its bytes. */
export interface ExportedAttachment {
  hash: string;
  kind: 'image' | 'text' | 'pdf';
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  text: string | null;
  note: string | null;
  /** The file's bytes, base64. */
  data: string;
}
