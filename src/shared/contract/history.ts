import { z } from 'zod';
import { event, route } from './define';
import { CONTEXT_TURNS_MAX } from '../rules/contextTrim';
import {
  CONVERSATION_TITLE_MAX,
  MESSAGE_TEXT_MAX,
  TEMPERATURE_MAX,
  TEMPERATURE_MIN,
} from '../rules/limits';
import type {
  Conversation,
  ConversationPage,
  ImportPreview,
  ImportProgress,
  ImportReport,
  Message,
  MessagePage,
  SearchPage,
} from '../types/history';

const id = z.string().min(1).max(200);
const cursor = z.string().max(2000).optional();
const limit = z.number().int().min(1).max(500).optional();

export const historyRoutes = {
  'conversations.list': route<ConversationPage>()(z.object({ cursor, limit }).strict()),
  'conversations.rename': route<Conversation>()(
    z.object({ id, title: z.string().trim().min(1).max(CONVERSATION_TITLE_MAX) }).strict(),
  ),
  'conversations.pin': route<Conversation>()(z.object({ id, pinned: z.boolean() }).strict()),
  /** Moves to the trash (purged after a retention period); `conversations.restore` undoes it. */
  'conversations.delete': route<{ deleted: true }>()(z.object({ id }).strict()),
  'conversations.restore': route<Conversation>()(z.object({ id }).strict()),
  /**
   * The trash, most recently deleted first. Conversations deleted more than the retention period
   * ago are deleted for good first (also done at start-up).
   */
  'conversations.listTrash': route<ConversationPage>()(z.object({ cursor, limit }).strict()),
  /** Deletes a conversation and its messages for good (from the trash or not). */
  'conversations.purge': route<{ purged: true }>()(z.object({ id }).strict()),
  'conversations.emptyTrash': route<{ purged: number }>()(z.object({}).strict()),
  'conversations.update': route<Conversation>()(
    z
      .object({
        id,
        model: z.string().max(200).nullable().optional(),
        profileId: id.nullable().optional(),
        systemPrompt: z.string().max(100_000).nullable().optional(),
        temperature: z.number().min(TEMPERATURE_MIN).max(TEMPERATURE_MAX).nullable().optional(),
        contextTurns: z.number().int().min(0).max(CONTEXT_TURNS_MAX).nullable().optional(),
      })
      .strict(),
  ),
  'messages.list': route<MessagePage>()(
    z.object({ conversationId: id, before: id.optional(), limit }).strict(),
  ),
  /** Deletes one message; `messages.restore` undoes it until the app restarts. */
  'messages.delete': route<{ deleted: true }>()(z.object({ id }).strict()),
  'messages.restore': route<{ conversationId: string }>()(z.object({ id }).strict()),
  /** Changes a message's text in place (no new answer); the message is marked edited. */
  'messages.edit': route<Message>()(
    z.object({ id, text: z.string().min(1).max(MESSAGE_TEXT_MAX) }).strict(),
  ),
  /**
   * Shows another version of a message (and the path to it): returns the conversation's newest
   * page of the path now on screen.
   */
  'messages.choose': route<{ conversationId: string; page: MessagePage }>()(
    z.object({ id, limit }).strict(),
  ),
  'history.search': route<SearchPage>()(
    z.object({ query: z.string().max(1000), cursor, limit }).strict(),
  ),
  'history.exportMarkdown': route<{ fileName: string; markdown: string }>()(
    z.object({ conversationId: id }).strict(),
  ),
  /**
   * Writes every conversation to a versioned JSON file where the user chooses (written by main
   * in slices, so a large history neither freezes the app nor crosses IPC as one string).
   * `savedTo` is null when the user cancelled.
   */
  'history.exportJson': route<{
    savedTo: string | null;
    conversations: number;
    messages: number;
  }>()(z.object({}).strict()),
  /**
   * Asks main to open a file dialog and imports the chosen file in a worker thread (the file
   * never crosses IPC), with `history.importProgress` events. The file may be a Fleece export,
   * ChatGPT's `conversations.json`, a Chatbox or a Cherry Studio backup. Once read, a
   * `history.importPreview` event shows what it holds and nothing is written until
   * `history.confirmImport` (or `history.cancelImport`). `path` is null when the user
   * cancelled the dialog; `cancelled` when `history.cancelImport` stopped it between batches
   * (what was inserted so far stays; importing the file again adds the rest).
   */
  'history.importJson': route<ImportReport & { path: string | null; cancelled: boolean }>()(
    z.object({}).strict(),
  ),
  /** Goes on with the import whose preview is shown. */
  'history.confirmImport': route<{ confirmed: boolean }>()(z.object({}).strict()),
  'history.cancelImport': route<{ cancelling: boolean }>()(z.object({}).strict()),
};

export const historyEvents = {
  'history.importProgress': event<ImportProgress>(),
  /** What the chosen file holds; the import waits for `history.confirmImport`. */
  'history.importPreview': event<ImportPreview>(),
  /** A conversation was created, renamed, retitled, pinned, deleted or had activity. */
  'conversations.changed': event<{
    conversation: Conversation | null;
    id: string;
    removed: boolean;
  }>(),
};
