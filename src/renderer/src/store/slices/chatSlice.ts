import type { ChatDelta, ChatDone, TurnMessages } from '../../../../shared/contract/chat';
import type { AppError } from '../../../../shared/result';
import type { AttachmentRef } from '../../../../shared/attachment';
import {
  applyDeltas,
  applyDone,
  applySnapshot,
  emptyChatData,
  loadThread,
  prependPage,
  removeMessages,
  startCompare,
  startTurn,
  type ChatData,
} from '../chatReducers';
import { CACHED_CONVERSATIONS, evict, hasLiveMessage, invalidate, touch } from '../messageCache';
import type { SliceDeps } from '../types';
import { networkVerdict } from '../../../../shared/rules/offline';
import { NEW_CHAT_DRAFT } from './uiSlice';
import { selectModelChoice } from '../modelChoice';
import { afterNextPaint } from '../../afterFirstPaint';
import type { CompareTarget } from '../../../../shared/types/compare';

/** When an answer of a comparison was asked and when its first text came (`performance.now()`). */
export interface LiveTiming {
  startedAt: number;
  firstAt: number | null;
}

export const PAGE_SIZE = 200;
/**
 * A conversation opened from disk first gets the messages that fill a tall window with room to
 * spare, so the frame that shows it waits for little; the rest of its PAGE_SIZE newest messages
 * come right after that frame is painted (fillFirstPage).
 */
export const FIRST_PAGE_SIZE = 40;

export interface ChatSlice {
  chat: ChatData;
  /** The last message deleted, offered for undo. */
  lastDeletedMessage: { id: string; conversationId: string } | null;
  chatActions: {
    loadThread(conversationId: string): Promise<void>;
    /** Shows a conversation's messages: from memory when cached, else loaded (once). */
    open(conversationId: string): Promise<void>;
    /** Loads a conversation's messages ahead of its opening (a pointer or focus on its row). */
    prefetch(conversationId: string): Promise<void>;
    /** The load of a conversation's messages under way (a prefetch), if any. */
    loadUnderWay(conversationId: string): Promise<void> | undefined;
    /** Main reports the conversation changed: a cached copy not kept current here is dropped. */
    invalidate(conversationId: string): void;
    loadOlder(conversationId: string): Promise<void>;
    /** Sends in the active conversation (or a new one). Resolves false when refused. */
    /** With the files attached in the composer (sent and cleared with the text). */
    send(text: string, attachments?: readonly AttachmentRef[]): Promise<boolean>;
    /**
     * Sends one question to several models at once (2–4, any profiles), in the active
     * conversation or a new one. Resolves false when refused.
     */
    compare(
      text: string,
      targets: readonly CompareTarget[],
      attachments?: readonly AttachmentRef[],
    ): Promise<boolean>;
    /** Keeps one answer of a comparison: the conversation goes on from it, with its model. */
    keep(messageId: string): Promise<boolean>;
    /** The timing of an answer of a comparison while it streams (for its live figures). */
    liveTiming(messageId: string): LiveTiming | null;
    stop(messageId: string): Promise<void>;
    continueMessage(messageId: string): Promise<void>;
    regenerate(messageId: string): Promise<void>;
    /** Summarises the conversation so far (a new message later prompts send instead). */
    summarise(conversationId: string): Promise<boolean>;
    /** Stops the summary being written (nothing is added to the conversation). */
    stopSummary(conversationId: string): Promise<void>;
    editAndResend(messageId: string, text: string): Promise<void>;
    deleteMessage(messageId: string): Promise<void>;
    undoDeleteMessage(): Promise<void>;
    /** The undo offer for the last message delete has expired or was closed. */
    forgetDeletedMessage(): void;
    /** Changes a message's text in place (no new answer). Resolves false when refused. */
    editMessage(messageId: string, text: string): Promise<boolean>;
    /** Shows another version of a message, and the continuation of that version. */
    chooseVersion(messageId: string): Promise<void>;
    onDelta(delta: ChatDelta): void;
    /** Deltas that arrived together (a frame's worth): one store change for all of them. */
    onDeltas(deltas: readonly ChatDelta[]): void;
    onDone(done: ChatDone): void;
  };
}

export function createChatSlice(deps: SliceDeps): ChatSlice {
  const { set, get, client } = deps;
  // Messages being resynchronised from main after a lost delta, with the deltas that arrived
  // meanwhile (applied on top of the snapshot when it comes back).
  const resyncing = new Map<string, ChatDelta[]>();

  const fail = (error: AppError): void => get().ui.showToast(error);
  // Compared answers being followed: when each was asked and when its first text came.
  const timings = new Map<string, LiveTiming>();
  // Conversations with messages in the store, least recent first (see messageCache.ts), and
  // the loads under way, so a click during a hover's prefetch waits for it instead of asking again.
  let recent: string[] = [];
  const loading = new Map<string, Promise<void>>();
  // The last conversation loaded ahead of a click: it has a slot of its own and goes first, so
  // a pointer crossing the sidebar never pushes out the conversations actually opened.
  let prefetched: string | null = null;

  const trim = (): void => {
    const active = get().activeConversationId;
    const kept = (id: string): boolean =>
      id === active || id === prefetched || hasLiveMessage(get().chat, id);
    const next = evict(get().chat, recent, CACHED_CONVERSATIONS + 1, kept);
    recent = next.order;
    if (next.data !== get().chat) set({ chat: next.data });
  };

  const ensureLoaded = (conversationId: string): Promise<void> => {
    if (get().chat.threads[conversationId]) return Promise.resolve();
    let pending = loading.get(conversationId);
    if (!pending) {
      pending = reload(conversationId, true, FIRST_PAGE_SIZE).finally(() =>
        loading.delete(conversationId),
      );
      loading.set(conversationId, pending);
    }
    return pending;
  };

  /** Older messages before the first loaded, `limit` of them. */
  const older = async (conversationId: string, limit: number): Promise<void> => {
    const thread = get().chat.threads[conversationId];
    if (!thread?.hasMore || thread.ids.length === 0) return;
    const res = await client.call('messages.list', {
      conversationId,
      before: thread.ids[0],
      limit,
    });
    if (!res.ok) return fail(res.error);
    set((s) => ({ chat: prependPage(s.chat, conversationId, res.data) }));
  };

  /** After a first page of FIRST_PAGE_SIZE: the messages up to PAGE_SIZE, once it is on screen. */
  const fillFirstPage = (conversationId: string): void => {
    afterNextPaint(() => {
      const thread = get().chat.threads[conversationId];
      if (!thread || thread.ids.length >= PAGE_SIZE) return;
      void older(conversationId, PAGE_SIZE - thread.ids.length);
    });
  };

  const reload = async (
    conversationId: string,
    reattach = true,
    limit = PAGE_SIZE,
  ): Promise<void> => {
    const res = await client.call('messages.list', { conversationId, limit });
    if (!res.ok) return fail(res.error);
    set((s) => ({ chat: loadThread(s.chat, conversationId, res.data) }));
    if (res.data.hasMore && limit < PAGE_SIZE) fillFirstPage(conversationId);
    if (!reattach) return;
    // A window opened (or reloaded) while an answer streams picks it up where main is: the disk
    // copy lags by up to one checkpoint.
    for (const m of res.data.messages) {
      if (
        m.status === 'streaming' &&
        get().chat.lastSeq[m.id] === undefined &&
        !resyncing.has(m.id)
      )
        void attach(m.id, conversationId, []);
    }
  };

  /** A question's text and the references of its files, as `chat.send` and `chat.compare` take them. */
  const question = (text: string, attachments: readonly AttachmentRef[]) => ({
    text,
    ...(attachments.length > 0
      ? { attachments: attachments.map(({ hash, name }) => ({ hash, name })) }
      : {}),
  });

  /**
   * The composer of `from` (null: the new chat) empties as its question goes out, before main
   * answers: the box clears at once, in a render of the composer alone, not in the one that adds
   * the question and its answers; a comparison's composer leaves compare mode with it. Returns
   * what puts the text, files and compared models back if main refuses the question and the user
   * has not typed, attached or chosen anything since.
   */
  const takeComposer = (
    from: string | null,
    text: string,
    attachments: readonly AttachmentRef[],
  ): (() => void) => {
    const key = from ?? NEW_CHAT_DRAFT;
    const compared = get().compareTargets[key];
    get().ui.setDraft(key, '');
    get().ui.setAttachments(key, []);
    get().ui.setCompareTargets(key, null);
    return () => {
      const s = get();
      if ((s.drafts[key] ?? '') === '') s.ui.setDraft(key, text);
      if ((s.attachmentDrafts[key]?.length ?? 0) === 0 && attachments.length > 0)
        s.ui.setAttachments(key, [...attachments]);
      if (compared && !(key in s.compareTargets)) s.ui.setCompareTargets(key, compared);
    };
  };

  /**
   * A question went out from the composer of `from` (null: the new chat), emptied by
   * takeComposer: a new chat becomes the conversation main created, now open.
   */
  const sent = (from: string | null, conversationId: string): void => {
    if (from) return;
    set((s) => ({
      activeConversationId: conversationId,
      chat: loadThread(s.chat, conversationId, { messages: [], hasMore: false }),
    }));
    get().ui.setDraft(NEW_CHAT_DRAFT, '');
    get().ui.setNewChatModel(null);
    get().promptActions.clearNewChatPrompt();
  };

  // Main starts streaming only after its reply was sent, so no delta precedes this.
  const begin = (turn: TurnMessages): void => {
    set((s) => ({ chat: startTurn(s.chat, turn) }));
  };

  const attach = async (
    messageId: string,
    conversationId: string,
    queued: ChatDelta[],
  ): Promise<void> => {
    resyncing.set(messageId, queued);
    const res = await client.call('chat.snapshot', { messageId });
    const arrived = resyncing.get(messageId);
    resyncing.delete(messageId);
    if (!arrived) return; // the stream finished meanwhile: onDone holds the final message
    if (!res.ok || res.data === null) {
      // The stream has ended meanwhile (or main could not say): disk has the final text.
      set((s) => {
        const lastSeq = { ...s.chat.lastSeq };
        delete lastSeq[messageId];
        return { chat: { ...s.chat, lastSeq } };
      });
      await reload(conversationId, false);
      return;
    }
    set((s) => ({
      chat: applySnapshot(s.chat, messageId, res.data ?? { content: '', reasoning: '', seq: 0 }),
    }));
    get().chatActions.onDeltas(arrived.sort((a, b) => a.seq - b.seq));
  };

  return {
    chat: emptyChatData,
    lastDeletedMessage: null,
    chatActions: {
      loadThread: reload,

      async open(conversationId) {
        await ensureLoaded(conversationId);
        if (!get().chat.threads[conversationId]) return;
        if (prefetched === conversationId) prefetched = null;
        recent = touch(recent, conversationId);
        trim();
      },

      async prefetch(conversationId) {
        if (get().chat.threads[conversationId] || loading.has(conversationId)) return;
        await ensureLoaded(conversationId);
        // Opened meanwhile (the click came before the answer): open() has placed it.
        if (!get().chat.threads[conversationId] || recent.includes(conversationId)) return;
        prefetched = conversationId;
        recent = [conversationId, ...recent];
        trim();
      },

      loadUnderWay: (conversationId) => loading.get(conversationId),

      invalidate(conversationId) {
        const data = invalidate(get().chat, conversationId, get().activeConversationId);
        if (data === get().chat) return;
        recent = recent.filter((id) => id !== conversationId);
        if (prefetched === conversationId) prefetched = null;
        set({ chat: data });
      },

      loadOlder: (conversationId) => older(conversationId, PAGE_SIZE),

      async send(text, attachments = []) {
        const conversationId = get().activeConversationId;
        // A new chat starts on the chosen profile with the chosen model, else on the active
        // profile with its default model.
        const choice = conversationId ? null : selectModelChoice(get());
        // A saved prompt chosen for the new chat gives the conversation its prompt.
        const prompt = conversationId ? null : get().newChatPrompt;
        const restore = takeComposer(conversationId, text, attachments);
        const res = await client.call('chat.send', {
          ...(conversationId ? { conversationId } : {}),
          ...(prompt ? { systemPrompt: prompt.systemPrompt } : {}),
          ...(prompt && prompt.temperature !== null ? { temperature: prompt.temperature } : {}),
          ...(choice?.model ? { model: choice.model } : {}),
          ...(choice?.explicitProfile && choice.profileId ? { profileId: choice.profileId } : {}),
          ...question(text, attachments),
        });
        if (!res.ok) {
          restore();
          fail(res.error);
          return false;
        }
        const turn = res.data;
        sent(conversationId, turn.conversationId);
        begin(turn);
        return true;
      },

      async compare(text, targets, attachments = []) {
        const conversationId = get().activeConversationId;
        const prompt = conversationId ? null : get().newChatPrompt;
        const restore = takeComposer(conversationId, text, attachments);
        const res = await client.call('chat.compare', {
          ...(conversationId ? { conversationId } : {}),
          ...(prompt ? { systemPrompt: prompt.systemPrompt } : {}),
          ...(prompt && prompt.temperature !== null ? { temperature: prompt.temperature } : {}),
          ...question(text, attachments),
          targets: targets.map(({ model, profileId }) => ({ model, profileId })),
        });
        if (!res.ok) {
          restore();
          fail(res.error);
          return false;
        }
        const turn = res.data;
        sent(conversationId, turn.conversationId);
        const now = performance.now();
        for (const a of turn.answers) timings.set(a.id, { startedAt: now, firstAt: null });
        set((s) => ({ chat: startCompare(s.chat, turn) }));
        return true;
      },

      async keep(messageId) {
        const kept = get().chat.messages[messageId];
        const res = await client.call('chat.keep', { messageId, limit: PAGE_SIZE });
        if (!res.ok) {
          fail(res.error);
          return false;
        }
        const { conversationId, page } = res.data;
        set((s) => ({
          chat: loadThread(s.chat, conversationId, page),
          // The conversation goes on with the kept answer's model and profile (main has
          // recorded them; its change event may come later).
          conversations:
            kept?.model && kept.profileId
              ? s.conversations.map((c) =>
                  c.id === conversationId
                    ? { ...c, model: kept.model, profileId: kept.profileId }
                    : c,
                )
              : s.conversations,
        }));
        return true;
      },

      liveTiming(messageId) {
        return timings.get(messageId) ?? null;
      },

      async stop(messageId) {
        const res = await client.call('chat.stop', { messageId });
        if (!res.ok) fail(res.error);
      },

      async continueMessage(messageId) {
        const res = await client.call('chat.continue', { messageId });
        if (!res.ok) return fail(res.error);
        begin(res.data);
      },

      async regenerate(messageId) {
        const res = await client.call('chat.regenerate', { messageId });
        if (!res.ok) return fail(res.error);
        begin(res.data);
      },

      async summarise(conversationId) {
        const res = await client.call('chat.summarise', { conversationId });
        if (!res.ok) {
          // Stopped by the user: nothing to tell.
          if (res.error.code !== 'aborted') fail(res.error);
          return false;
        }
        await reload(conversationId, false);
        return true;
      },

      async stopSummary(conversationId) {
        const res = await client.call('chat.stopSummary', { conversationId });
        if (!res.ok) fail(res.error);
      },

      async editAndResend(messageId, text) {
        const res = await client.call('chat.editAndResend', { messageId, text });
        if (!res.ok) return fail(res.error);
        begin(res.data);
      },

      async deleteMessage(messageId) {
        const m = get().chat.messages[messageId];
        const res = await client.call('messages.delete', { id: messageId });
        if (!res.ok) return fail(res.error);
        if (!m) return;
        set((s) => ({
          chat: removeMessages(s.chat, m.conversationId, [messageId]),
          lastDeletedMessage: { id: messageId, conversationId: m.conversationId },
        }));
        // With versions, what followed it may now be a version beside others: ask main.
        const thread = get().chat.threads[m.conversationId];
        if (thread?.ids.some((id) => get().chat.versions[id]) || get().chat.versions[messageId])
          await reload(m.conversationId, false);
      },

      async undoDeleteMessage() {
        const deleted = get().lastDeletedMessage;
        if (!deleted) return;
        const res = await client.call('messages.restore', { id: deleted.id });
        if (!res.ok) return fail(res.error);
        set({ lastDeletedMessage: null });
        await reload(deleted.conversationId, false);
      },

      forgetDeletedMessage() {
        set({ lastDeletedMessage: null });
      },

      async editMessage(messageId, text) {
        const res = await client.call('messages.edit', { id: messageId, text });
        if (!res.ok) {
          fail(res.error);
          return false;
        }
        set((s) => ({
          chat: { ...s.chat, messages: { ...s.chat.messages, [messageId]: res.data } },
        }));
        return true;
      },

      async chooseVersion(messageId) {
        const res = await client.call('messages.choose', { id: messageId, limit: PAGE_SIZE });
        if (!res.ok) return fail(res.error);
        set((s) => ({ chat: loadThread(s.chat, res.data.conversationId, res.data.page) }));
      },

      onDelta(delta) {
        get().chatActions.onDeltas([delta]);
      },

      onDeltas(deltas) {
        const fresh: ChatDelta[] = [];
        for (const delta of deltas) {
          const queued = resyncing.get(delta.messageId);
          if (queued) queued.push(delta);
          // A message of a conversation not loaded here is read from disk when opened.
          else if (get().chat.messages[delta.messageId]) fresh.push(delta);
        }
        if (fresh.length === 0) return;
        for (const delta of fresh) {
          const timing = timings.get(delta.messageId);
          if (timing && timing.firstAt === null && (delta.content || delta.reasoning))
            timing.firstAt = performance.now();
        }
        const { data, gaps } = applyDeltas(get().chat, fresh);
        if (data !== get().chat) set({ chat: data });
        for (const [first, ...later] of gaps)
          if (first) void attach(first.messageId, first.conversationId, [first, ...later]);
      },

      onDone(done) {
        const id = done.message.id;
        if (!get().chat.messages[id]) return;
        if (resyncing.has(id)) {
          // The snapshot will come back empty-handed; the final message is in this event.
          resyncing.delete(id);
        }
        timings.delete(id);
        const failure = done.failure;
        const unsavedAnswers = { ...get().unsavedAnswers };
        if (done.unsaved) unsavedAnswers[id] = done.unsaved.code;
        else delete unsavedAnswers[id];
        set((s) => ({ chat: applyDone(s.chat, done), unsavedAnswers }));
        // "Offline" only when the request reached nobody; an answering relay clears it.
        const verdict = networkVerdict(failure?.kind);
        if (failure && verdict === 'down') get().ui.setOffline(failure);
        else if (done.message.status === 'complete' || verdict === 'up') get().ui.setOffline(null);
      },
    },
  };
}
