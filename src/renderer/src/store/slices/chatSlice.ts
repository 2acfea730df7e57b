import type { ChatDelta, ChatDone, TurnIds } from '../../../../shared/contract/chat';
import type { AppError } from '../../../../shared/result';
import type { RelayFailure } from '../../../../shared/relay';
import {
  applyDelta,
  applyDone,
  applySnapshot,
  emptyChatData,
  loadThread,
  prependPage,
  removeMessages,
  startTurn,
  type ChatData,
} from '../chatReducers';
import type { SliceDeps } from '../types';
import { NEW_CHAT_DRAFT } from './uiSlice';

export const PAGE_SIZE = 200;

export interface ChatSlice {
  chat: ChatData;
  /** The full failure of answers that failed in this session (hint, retry delay). */
  failures: Record<string, RelayFailure>;
  chatActions: {
    loadThread(conversationId: string): Promise<void>;
    loadOlder(conversationId: string): Promise<void>;
    /** Sends in the active conversation (or a new one). Resolves false when refused. */
    send(text: string): Promise<boolean>;
    stop(messageId: string): Promise<void>;
    continueMessage(messageId: string): Promise<void>;
    regenerate(messageId: string): Promise<void>;
    editAndResend(messageId: string, text: string): Promise<void>;
    deleteMessage(messageId: string): Promise<void>;
    onDelta(delta: ChatDelta): void;
    onDone(done: ChatDone): void;
  };
}

export function createChatSlice(deps: SliceDeps): ChatSlice {
  const { set, get, client, now } = deps;
  // Messages being resynchronised from main after a lost delta, with the deltas that arrived
  // meanwhile (applied on top of the snapshot when it comes back).
  const resyncing = new Map<string, ChatDelta[]>();

  const fail = (error: AppError): void => get().ui.showToast(error);

  const reload = async (conversationId: string): Promise<void> => {
    const res = await client.call('messages.list', { conversationId, limit: PAGE_SIZE });
    if (!res.ok) return fail(res.error);
    set((s) => ({ chat: loadThread(s.chat, conversationId, res.data) }));
  };

  // Main starts streaming only after its reply with the ids was sent, so no delta precedes this.
  const begin = (ids: TurnIds, userText: string | null, model: string | null): void => {
    set((s) => ({ chat: startTurn(s.chat, ids, userText, now(), model) }));
  };

  const resync = async (delta: ChatDelta): Promise<void> => {
    const { messageId, conversationId } = delta;
    resyncing.set(messageId, [delta]);
    const res = await client.call('chat.snapshot', { messageId });
    const queued = resyncing.get(messageId);
    resyncing.delete(messageId);
    if (!queued) return; // the stream finished meanwhile; onDone reloaded it from disk
    if (!res.ok || res.data === null) {
      // The stream has ended meanwhile (or main could not say): disk has the final text.
      set((s) => {
        const lastSeq = { ...s.chat.lastSeq };
        delete lastSeq[messageId];
        return { chat: { ...s.chat, lastSeq } };
      });
      await reload(conversationId);
      return;
    }
    set((s) => ({
      chat: applySnapshot(s.chat, messageId, res.data ?? { content: '', reasoning: '', seq: 0 }),
    }));
    for (const d of queued.sort((a, b) => a.seq - b.seq)) get().chatActions.onDelta(d);
  };

  const modelFor = (conversationId: string | null): string | null => {
    const s = get();
    const conv = conversationId ? s.conversations.find((c) => c.id === conversationId) : undefined;
    return conv?.model ?? s.activeProfile()?.defaultModel ?? null;
  };

  return {
    chat: emptyChatData,
    failures: {},
    chatActions: {
      loadThread: reload,

      async loadOlder(conversationId) {
        const thread = get().chat.threads[conversationId];
        if (!thread?.hasMore || thread.ids.length === 0) return;
        const res = await client.call('messages.list', {
          conversationId,
          before: thread.ids[0],
          limit: PAGE_SIZE,
        });
        if (!res.ok) return fail(res.error);
        set((s) => ({ chat: prependPage(s.chat, conversationId, res.data) }));
      },

      async send(text) {
        const conversationId = get().activeConversationId;
        const model = conversationId ? null : get().newChatModel;
        const res = await client.call('chat.send', {
          ...(conversationId ? { conversationId } : {}),
          ...(model ? { model } : {}),
          text,
        });
        if (!res.ok) {
          fail(res.error);
          return false;
        }
        const ids = res.data;
        if (!conversationId) {
          set((s) => ({
            activeConversationId: ids.conversationId,
            chat: loadThread(s.chat, ids.conversationId, { messages: [], hasMore: false }),
          }));
          get().ui.setDraft(NEW_CHAT_DRAFT, '');
          get().ui.setNewChatModel(null);
        } else {
          get().ui.setDraft(conversationId, '');
        }
        begin(ids, text, modelFor(ids.conversationId));
        return true;
      },

      async stop(messageId) {
        const res = await client.call('chat.stop', { messageId });
        if (!res.ok) fail(res.error);
      },

      async continueMessage(messageId) {
        const res = await client.call('chat.continue', { messageId });
        if (!res.ok) return fail(res.error);
        begin(res.data, null, modelFor(res.data.conversationId));
      },

      async regenerate(messageId) {
        const res = await client.call('chat.regenerate', { messageId });
        if (!res.ok) return fail(res.error);
        const { conversationId, assistantMessageId } = res.data;
        set((s) => ({
          chat: removeMessages(
            s.chat,
            conversationId,
            assistantMessageId === messageId ? [] : [messageId],
          ),
        }));
        if (assistantMessageId === messageId) {
          set((s) => {
            const m = s.chat.messages[messageId];
            if (!m) return s;
            return {
              chat: {
                ...s.chat,
                messages: { ...s.chat.messages, [messageId]: { ...m, content: '', reasoning: '' } },
              },
            };
          });
        }
        begin(res.data, null, modelFor(conversationId));
      },

      async editAndResend(messageId, text) {
        const res = await client.call('chat.editAndResend', { messageId, text });
        if (!res.ok) return fail(res.error);
        const { conversationId } = res.data;
        // Everything after the edited message was replaced in main; mirror that, then start.
        set((s) => {
          const thread = s.chat.threads[conversationId];
          if (!thread) return s;
          const at = thread.ids.indexOf(messageId);
          const dropped = at >= 0 ? thread.ids.slice(at) : [];
          return { chat: removeMessages(s.chat, conversationId, dropped) };
        });
        begin(res.data, text, modelFor(conversationId));
      },

      async deleteMessage(messageId) {
        const m = get().chat.messages[messageId];
        const res = await client.call('messages.delete', { id: messageId });
        if (!res.ok) return fail(res.error);
        if (m) set((s) => ({ chat: removeMessages(s.chat, m.conversationId, [messageId]) }));
      },

      onDelta(delta) {
        const queued = resyncing.get(delta.messageId);
        if (queued) {
          queued.push(delta);
          return;
        }
        // A message of a conversation not loaded here: it will be read from disk when opened.
        if (!get().chat.messages[delta.messageId]) return;
        const { data, gap } = applyDelta(get().chat, delta);
        if (data !== get().chat) set({ chat: data });
        if (gap) void resync(delta);
      },

      onDone(done) {
        if (!get().chat.messages[done.messageId]) return;
        if (resyncing.has(done.messageId)) {
          // The snapshot will come back empty-handed; the final text is on disk.
          resyncing.delete(done.messageId);
          void reload(done.conversationId);
        }
        const failure = done.error;
        set((s) => ({
          chat: applyDone(s.chat, done),
          ...(failure ? { failures: { ...s.failures, [done.messageId]: failure } } : {}),
        }));
        if (
          done.error &&
          (done.error.kind === 'network' || done.error.kind === 'timeout_connect')
        ) {
          get().ui.setOffline(done.error);
        } else if (done.status === 'complete') {
          get().ui.setOffline(null);
        }
      },
    },
  };
}
