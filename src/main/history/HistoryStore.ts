import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type {
  Conversation,
  ConversationPage,
  HistoryExport,
  HistoryNotice,
  ImportProgress,
  ImportReport,
  Message,
  MessagePage,
  SearchPage,
} from '../../shared/types/history';
import * as conversations from './conversationRepository';
import type { ConversationSettings, NewConversation } from './conversationRepository';
import type { Db } from './db';
import { FinishWriter } from './finishInWorker';
import { exportAll, exportConversationMarkdown, writeExportFile } from './exportHistory';
import { importHistory } from './importHistory';
import { importInWorker, type ImportCallbacks, type ImportRun } from './importInWorker';
import * as messages from './messageRepository';
import type { MessageOutcome, NewMessage } from './messageRepository';
import * as pages from './messagePages';
import * as versions from './versionRepository';
import type { MessagePageOptions } from './messagePages';
import { fileStamp, moveAside } from './fileSafety';
import { openHistoryDb, type OpenHistoryOptions } from './openHistoryDb';
import { salvageHistory, type SalvageCounts } from './salvageHistory';
import { salvageInWorker } from './salvageInWorker';
import { toConversation } from './rows';
import { search, type SearchOptions } from './searchRepository';
import { SearchIndexer } from './searchIndexer';
import { adoptPendingText } from './searchIndex';
import { cleanTitle, deriveTitle } from './titles';
import { verifyInWorker } from './verifyInWorker';
import * as attachments from './attachmentRepository';
import type { AttachmentRecord } from './attachmentRepository';
import { insertExtraUsage, type ExtraUsage } from './extraUsageRepository';
import { TRASH_RETENTION_MS } from '../../shared/rules/limits';
import * as comparisons from './comparisonRepository';
import type { Comparison, CompareStats } from '../../shared/types/compare';
import { compareStats } from './compareStats';

export { TRASH_RETENTION_MS };
const SALVAGE_ATTEMPTS_IN_WORKER = 2;
/**
 * Answers longer than this (content and reasoning, in characters) are recorded by the finish
 * writer's thread: storing 1 MB of Chinese takes SQLite ~15–30 ms, 8 MB 110–230 ms, on any
 * UPDATE of the row. Shorter ones cost a few ms here, less than handing them over.
 */
export const FINISH_OFF_THREAD_CHARS = 128 * 1024;

/** Rows this connection has inserted, updated or deleted since it opened. */
function totalChanges(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

export interface OpenedHistory {
  store: HistoryStore;
  /** For the user: a damaged file moved aside, a migration with its backup. */
  notices: HistoryNotice[];
  /** Answers left `streaming` by a crash, now `interrupted`. */
  interruptedCount: number;
  /** False for a large file that got only the bounded check at open: call `verifyInBackground()`. */
  fullyChecked: boolean;
}

/** The app's view of conversation history. Synchronous (better-sqlite3); lists and search are paged. */
export class HistoryStore {
  /** Writes the index of long messages in slices after the transaction that queued them. */
  private readonly indexer = new SearchIndexer(() => this.connection);
  private readonly purgeListeners: (() => void)[] = [];
  /** Records long answers on its own connection (created on first use). */
  private writer: FinishWriter | null = null;

  private constructor(
    private connection: Db,
    readonly path: string,
    private readonly options: OpenHistoryOptions,
    private readonly now: () => number,
  ) {}

  static async open(options: OpenHistoryOptions): Promise<OpenedHistory> {
    const now = options.now ?? Date.now;
    const { db, path, notices, fullyChecked } = await openHistoryDb(options);
    const store = new HistoryStore(db, path, options, now);
    const interruptedCount = options.readOnly ? 0 : store.startUpSweep();
    return { store, notices, interruptedCount, fullyChecked };
  }

  /** The connection (benchmarks and tests; the app goes through the methods). */
  get db(): Db {
    return this.connection;
  }

  close(): void {
    this.indexer.stop();
    this.writer?.close();
    this.writer = null;
    if (this.connection.open) this.connection.close();
  }

  /** Resolves once every finished message is fully in the search index (long ones go in slices). */
  searchIndexed(): Promise<void> {
    return this.indexer.idle();
  }

  /**
   * The whole-file integrity check in a worker thread. If it finds damage: `beforeSwap` runs
   * first (the app stops and records its running answers), then every readable conversation and
   * message is copied into a fresh file, the damaged one is moved aside (never deleted) and this
   * store continues on the fresh one. The notice says how much was recovered and where the old
   * file is. Null when the file is sound.
   */
  async verifyInBackground(beforeSwap?: () => Promise<void>): Promise<HistoryNotice | null> {
    const reason = await verifyInWorker(this.path);
    if (reason === null || !this.connection.open) return null;
    await beforeSwap?.();
    const stamp = fileStamp(this.now());
    const freshName = `${basename(this.path)}.salvage-${stamp}`;
    this.indexer.pause();
    let counts: SalvageCounts;
    try {
      counts = await this.salvageInto(freshName);
    } catch (error) {
      this.indexer.resume();
      throw error;
    }
    // Its connection would go on writing to the file moved aside.
    this.writer?.close();
    this.writer = null;
    this.connection.close();
    const movedTo = moveAside(this.path, stamp);
    renameSync(join(dirname(this.path), freshName), this.path);
    const reopened = await openHistoryDb(this.options);
    this.connection = reopened.db;
    this.indexer.resume();
    return {
      kind: 'history_recovered',
      movedTo,
      reason,
      recovered: counts,
    };
  }

  /**
   * Copies the readable rows into a fresh file named `freshName` beside this one, in a worker
   * thread. The app may write meanwhile (running answers were stopped, but the user may act): a
   * copy taken while this connection changed the file is taken again, and the last try runs
   * here, synchronously, so nothing can be written after it.
   */
  private async salvageInto(freshName: string): Promise<SalvageCounts> {
    for (let attempt = 1; ; attempt++) {
      const fresh = await openHistoryDb({ ...this.options, fileName: freshName });
      if (attempt === SALVAGE_ATTEMPTS_IN_WORKER + 1) {
        const counts = salvageHistory(this.path, fresh.db);
        fresh.db.close(); // checkpoints and removes its WAL: one file to move into place
        return counts;
      }
      fresh.db.close();
      const changesBefore = totalChanges(this.connection);
      const counts = await salvageInWorker(this.path, fresh.path);
      if (totalChanges(this.connection) === changesBefore) return counts;
      for (const suffix of ['', '-wal', '-shm']) rmSync(fresh.path + suffix, { force: true });
    }
  }

  private startUpSweep(): number {
    return this.tx(() => {
      conversations.purgeTrash(this.db, this.now() - TRASH_RETENTION_MS);
      messages.purgeDeletedMessages(this.db);
      return messages.interruptStreaming(this.db, this.now());
    });
  }

  // Conversations

  createConversation(input: NewConversation = {}): Conversation {
    return this.tx(() => conversations.createConversation(this.db, input, this.now()));
  }

  getConversation(id: string): Conversation | null {
    return conversations.getConversation(this.db, id);
  }

  listConversations(options: { cursor?: string | null; limit?: number } = {}): ConversationPage {
    return conversations.listConversations(this.db, options.cursor, options.limit);
  }

  /** A user rename: later automatic titles never overwrite it. An empty title reverts to automatic. */
  renameConversation(id: string, title: string): Conversation {
    return this.tx(() => {
      const row = conversations.requireConversationRow(this.db, id);
      const clean = cleanTitle(title);
      const first = clean === '' ? messages.firstUserMessage(this.db, row.pk) : undefined;
      const next = clean !== '' ? clean : first ? deriveTitle(first.content) : '';
      conversations.setTitle(this.db, row, next, clean !== '', this.now());
      return this.requireConversation(id);
    });
  }

  /** What a generated title or a summary cost: counted on the Usage page with the answers. */
  recordExtraUsage(entry: ExtraUsage): void {
    insertExtraUsage(this.db, entry, this.now());
  }

  /**
   * A title written by a model: stored as automatic, and only while the user has not named the
   * conversation (checked in the same transaction). Returns whether it was written.
   */
  setGeneratedTitle(id: string, title: string): boolean {
    return this.tx(() => {
      const row = conversations.conversationRow(this.db, id);
      if (!row || row.title_is_custom === 1 || row.deleted_at !== null) return false;
      const clean = cleanTitle(title);
      if (clean === '') return false;
      conversations.setTitle(this.db, row, clean, false, this.now());
      return true;
    });
  }

  setPinned(id: string, pinned: boolean): Conversation {
    conversations.setPinned(this.db, id, pinned);
    return this.requireConversation(id);
  }

  updateConversationSettings(id: string, patch: ConversationSettings): Conversation {
    conversations.updateSettings(this.db, id, patch);
    return this.requireConversation(id);
  }

  trashConversation(id: string): void {
    this.tx(() => conversations.trashConversation(this.db, id, this.now()));
  }

  restoreConversation(id: string): void {
    this.tx(() => conversations.restoreConversation(this.db, id));
  }

  listTrash(options: { cursor?: string | null; limit?: number } = {}): ConversationPage {
    return conversations.listTrash(this.db, options.cursor, options.limit);
  }

  /** Deletes for good (also from the trash). */
  purgeConversation(id: string): void {
    this.tx(() => conversations.purgeConversation(this.db, id));
    this.purged();
  }

  /** Answers still being written: in one conversation, or anywhere in the trash. */
  streamingMessageIds(conversationId?: string): string[] {
    return messages.streamingMessageIds(this.db, conversationId);
  }

  emptyTrash(): number {
    const purged = this.tx(() => conversations.purgeTrash(this.db));
    this.purged();
    return purged;
  }

  purgeExpiredTrash(): number {
    const purged = this.tx(() =>
      conversations.purgeTrash(this.db, this.now() - TRASH_RETENTION_MS),
    );
    if (purged > 0) this.purged();
    return purged;
  }

  /** Told after conversations were deleted for good (their attachments may be unused now). */
  onPurged(listener: () => void): void {
    this.purgeListeners.push(listener);
  }

  private purged(): void {
    for (const listener of this.purgeListeners) listener();
  }

  // Attachments

  /** The data folder's attachment files sit beside the history file. */
  get attachmentsDir(): string {
    return join(dirname(this.path), 'attachments');
  }

  recordAttachment(record: AttachmentRecord, now: number): void {
    this.tx(() => attachments.recordAttachment(this.db, record, now));
  }

  attachmentRecord(hash: string): AttachmentRecord | undefined {
    return attachments.attachmentRecord(this.db, hash);
  }

  /** Forgets the files no message links to (except `keep`); returns their hashes to delete. */
  collectUnusedAttachments(keep: ReadonlySet<string>): string[] {
    return this.tx(() =>
      attachments.forgetAttachments(this.db, attachments.unusedAttachments(this.db, keep)),
    );
  }

  // Messages

  appendMessage(input: NewMessage): Message {
    return this.tx(() => messages.appendMessage(this.db, input, this.now()));
  }

  getMessage(id: string): Message | null {
    return messages.getMessage(this.db, id);
  }

  /** The last `limit` (default 200) messages, or the page before/after/around a message; oldest first. */
  listMessages(conversationId: string, options: MessagePageOptions = {}): MessagePage {
    return pages.listMessages(this.db, conversationId, options);
  }

  /** Every live message, every version (the JSON export). */
  allMessages(conversationId: string): Message[] {
    return pages.allMessages(this.db, conversationId);
  }

  /** The path on screen, first message first: what the next prompt sends. */
  pathMessages(conversationId: string): Message[] {
    return pages.pathMessages(this.db, conversationId);
  }

  /** The versions of a message (itself included), in order; empty when it has none. */
  messageVersions(id: string): string[] {
    const row = messages.requireMessageMeta(this.db, id);
    return versions.messageVersions(this.db, row.conv_pk, id);
  }

  /** A live message's version rank, read without its text (null when it is gone). */
  messageRank(id: string): number | null {
    const row = messages.messageMeta(this.db, id);
    return row && row.deleted_at === null ? row.version_rank : null;
  }

  /** Puts a message and the path to it on screen; returns its conversation's id. */
  chooseVersion(id: string): string {
    return this.tx(() => messages.chooseMessageVersion(this.db, id));
  }

  /** The ids of the path on screen, first message first, read without any text. */
  pathIds(conversationId: string): string[] {
    const conv = conversations.requireConversationRow(this.db, conversationId);
    if (!versions.hasVersions(this.db, conv.pk)) return pages.pathMessageIds(this.db, conv.pk);
    return versions.conversationTree(this.db, conv.pk).path.map((m) => m.id);
  }

  // Comparisons (several models at once)

  /** Records a question sent to several models and its answers, in the order the models were chosen. */
  recordComparison(input: {
    conversationId: string;
    questionId: string;
    answerIds: readonly string[];
  }): Comparison {
    return this.tx(() => comparisons.insertComparison(this.db, input, this.now()));
  }

  /** The comparison an answer belongs to; null when it was asked alone. */
  comparisonOfAnswer(answerId: string): Comparison | null {
    return comparisons.comparisonOfAnswer(this.db, answerId);
  }

  /**
   * Keeps an answer of a comparison: it and the path to it go on screen, the conversation goes
   * on with its model and profile, and the comparison records the choice. One transaction.
   */
  keepComparedAnswer(comparisonId: string, answer: Message): void {
    this.tx(() => {
      messages.chooseMessageVersion(this.db, answer.id);
      conversations.updateSettings(this.db, answer.conversationId, {
        model: answer.model,
        profileId: answer.profileId,
      });
      comparisons.setKept(this.db, comparisonId, answer.id, this.now());
    });
  }

  /** The figures of the `last` newest comparisons, one row per model and profile. */
  compareStats(last: number, profileName: (profileId: string) => string | null): CompareStats {
    const recent = comparisons.recentComparedAnswers(this.db, last);
    return compareStats(recent.comparisons, recent.answers, profileName);
  }

  /** Replaces the whole text so far (one UPDATE); false when the message is no longer streaming. */
  checkpointMessage(id: string, content: string, reasoning: string): boolean {
    return this.tx(() => messages.checkpointMessage(this.db, id, content, reasoning, this.now()));
  }

  /**
   * Appends text to a streaming message (one small INSERT, whatever its length so far); false
   * when the message is no longer streaming.
   */
  appendToMessage(id: string, content: string, reasoning: string): boolean {
    return this.db.transaction(() => messages.appendToMessage(this.db, id, content, reasoning))();
  }

  finishMessage(id: string, outcome: MessageOutcome): Message {
    return this.tx(() => messages.finishMessage(this.db, id, outcome, this.now()));
  }

  /**
   * `finishMessage` for a chat turn: a long answer is written by the finish writer's thread, so
   * the main thread only encodes its text (in slices) and never waits for SQLite to store it.
   * The result is built from the row's other fields and the outcome, never read back. Needs
   * the texts in `outcome`.
   */
  async finishMessageOffThread(id: string, outcome: MessageOutcome): Promise<Message> {
    const length = (outcome.content?.length ?? 0) + (outcome.reasoning?.length ?? 0);
    if (length <= FINISH_OFF_THREAD_CHARS || outcome.content === undefined)
      return this.finishMessage(id, outcome);
    const now = this.now();
    const row = messages.requireMessageMeta(this.db, id);
    this.writer ??= new FinishWriter(this.path);
    await this.writer.finish(id, outcome, now);
    if (this.connection.open) {
      adoptPendingText(this.connection, row.seq, outcome.content);
      this.indexer.kick();
    }
    return messages.finishedMessage(row, outcome, now);
  }

  reopenMessage(id: string): void {
    this.tx(() => messages.reopenMessage(this.db, id, this.now()));
  }

  editMessage(id: string, content: string): Message {
    return this.tx(() => messages.editMessageContent(this.db, id, content, this.now()));
  }

  /** Deletes a message; `restoreMessage` undoes it until the next start. */
  deleteMessage(id: string): void {
    this.tx(() => messages.deleteMessage(this.db, id, this.now()));
  }

  restoreMessage(id: string): Message {
    return this.tx(() => messages.restoreMessage(this.db, id));
  }

  // Search, export, import

  search(options: SearchOptions): SearchPage {
    return search(this.db, options);
  }

  exportConversationMarkdown(id: string): string {
    return exportConversationMarkdown(this.db, id, this.attachmentsDir);
  }

  exportAll(): HistoryExport {
    return exportAll(this.db, this.now(), this.attachmentsDir);
  }

  /** Streams the JSON export to a file conversation by conversation (no giant string in memory). */
  writeExportFile(filePath: string): Promise<{ conversations: number; messages: number }> {
    return writeExportFile(this.db, filePath, this.now(), this.attachmentsDir);
  }

  /** Merges by id: what exists is kept, what is new is added. Validates first; all or nothing. */
  importHistory(data: unknown): ImportReport {
    const report = importHistory(this.db, data, this.attachmentsDir);
    this.indexer.kick();
    return report;
  }

  /** Imports an export file in a worker thread (parse, check, batched inserts) with progress and cancel. */
  importFile(file: string, callbacks: ImportCallbacks | ((p: ImportProgress) => void)): ImportRun {
    const run = importInWorker(file, this.path, callbacks);
    const kick = () => this.indexer.kick();
    run.result.then(kick, kick);
    return run;
  }

  private requireConversation(id: string): Conversation {
    return toConversation(conversations.requireConversationRow(this.db, id));
  }

  private tx<T>(fn: () => T): T {
    const result = this.db.transaction(fn)();
    this.indexer.kick();
    return result;
  }
}
