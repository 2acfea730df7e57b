import type { Conversation, SearchResult } from '../../../../shared/types/history';
import { sortConversations } from '../../../../shared/rules/conversationOrder';
import { upsertConversation } from '../conversationsReducers';
import type { SliceDeps } from '../types';

export interface SearchState {
  query: string;
  results: SearchResult[];
  nextCursor: string | null;
  loading: boolean;
}

/** The search terms to highlight inside the message opened from a search result. */
export interface SearchHighlight {
  conversationId: string;
  messageId: string;
  query: string;
}

export interface ConversationsSlice {
  conversations: Conversation[];
  conversationsCursor: string | null;
  conversationsLoaded: boolean;
  activeConversationId: string | null;
  /** The last conversation moved to the trash, offered for undo. */
  lastDeleted: Conversation | null;
  search: SearchState;
  /** Set by opening a message from search; gone on a new search or on leaving the conversation. */
  searchHighlight: SearchHighlight | null;
  conversationActions: {
    refresh(): Promise<void>;
    loadMore(): Promise<void>;
    select(id: string | null): Promise<void>;
    newChat(): void;
    rename(id: string, title: string): Promise<void>;
    setPinned(id: string, pinned: boolean): Promise<void>;
    remove(id: string): Promise<void>;
    undoRemove(): Promise<void>;
    /** The undo offer for the last delete has expired or was closed. */
    forgetDeleted(): void;
    update(
      id: string,
      patch: {
        model?: string | null;
        profileId?: string | null;
        systemPrompt?: string | null;
        temperature?: number | null;
        contextTurns?: number | null;
      },
    ): Promise<void>;
    onChanged(e: { conversation: Conversation | null; id: string; removed: boolean }): void;
    setSearchQuery(query: string): Promise<void>;
    searchMore(): Promise<void>;
    openSearchResult(result: SearchResult): Promise<void>;
  };
}

const emptySearch: SearchState = { query: '', results: [], nextCursor: null, loading: false };

/** How long opening a conversation waits for messages already on their way before switching. */
const LOAD_WAIT_MS = 100;

export function createConversationsSlice({ set, get, client }: SliceDeps): ConversationsSlice {
  let searchSeq = 0;
  // Counts the conversations chosen (and new chats), so a choice made while an earlier one
  // waited for its messages wins.
  let selections = 0;
  const replace = (c: Conversation): void =>
    set((s) => ({ conversations: upsertConversation(s.conversations, c, c.id, false) }));

  return {
    conversations: [],
    conversationsCursor: null,
    conversationsLoaded: false,
    activeConversationId: null,
    lastDeleted: null,
    search: emptySearch,
    searchHighlight: null,
    conversationActions: {
      async refresh() {
        const res = await client.call('conversations.list', { limit: 100 });
        if (!res.ok) return get().ui.showToast(res.error);
        set({
          conversations: sortConversations(res.data.conversations),
          conversationsCursor: res.data.nextCursor,
          conversationsLoaded: true,
        });
      },

      async loadMore() {
        const cursor = get().conversationsCursor;
        if (!cursor) return;
        const res = await client.call('conversations.list', { cursor, limit: 100 });
        if (!res.ok) return get().ui.showToast(res.error);
        set((s) => ({
          conversations: sortConversations([
            ...s.conversations,
            ...res.data.conversations.filter((c) => !s.conversations.some((o) => o.id === c.id)),
          ]),
          conversationsCursor: res.data.nextCursor,
        }));
      },

      async select(id) {
        const asked = ++selections;
        // Messages already on their way (the pointer's prefetch): the switch waits for them, a
        // little, so the window is drawn once, with them, instead of once without them first.
        const underWay = id === null ? undefined : get().chatActions.loadUnderWay(id);
        if (underWay) {
          const before = get().activeConversationId;
          let timer: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([
            underWay.catch(() => undefined),
            new Promise<void>((resolve) => (timer = setTimeout(resolve, LOAD_WAIT_MS))),
          ]);
          clearTimeout(timer);
          // Another conversation (or a new chat) was opened meanwhile: that choice stands.
          if (asked !== selections || get().activeConversationId !== before) return;
        }
        // A message ringed by an earlier search result is let go: the list opens a conversation
        // plainly (a search result rings its message again after this).
        set((s) => ({
          activeConversationId: id,
          view: 'chat',
          searchHighlight: s.searchHighlight?.conversationId === id ? s.searchHighlight : null,
          focusMessageId: null,
        }));
        if (id) await get().chatActions.open(id);
      },

      newChat() {
        selections++;
        set({
          activeConversationId: null,
          view: 'chat',
          searchHighlight: null,
          focusMessageId: null,
        });
        get().ui.focusComposer();
      },

      async rename(id, title) {
        const res = await client.call('conversations.rename', { id, title });
        if (!res.ok) return get().ui.showToast(res.error);
        replace(res.data);
      },

      async setPinned(id, pinned) {
        const res = await client.call('conversations.pin', { id, pinned });
        if (!res.ok) return get().ui.showToast(res.error);
        replace(res.data);
      },

      async remove(id) {
        const conv = get().conversations.find((c) => c.id === id) ?? null;
        const res = await client.call('conversations.delete', { id });
        if (!res.ok) return get().ui.showToast(res.error);
        set((s) => ({
          conversations: s.conversations.filter((c) => c.id !== id),
          lastDeleted: conv,
          activeConversationId: s.activeConversationId === id ? null : s.activeConversationId,
        }));
      },

      async undoRemove() {
        const conv = get().lastDeleted;
        if (!conv) return;
        const res = await client.call('conversations.restore', { id: conv.id });
        if (!res.ok) return get().ui.showToast(res.error);
        set({ lastDeleted: null });
        replace(res.data);
      },

      forgetDeleted() {
        set({ lastDeleted: null });
      },

      async update(id, patch) {
        const res = await client.call('conversations.update', { id, ...patch });
        if (!res.ok) return get().ui.showToast(res.error);
        replace(res.data);
      },

      onChanged({ conversation, id, removed }) {
        set((s) => ({
          conversations: upsertConversation(s.conversations, conversation, id, removed),
        }));
        get().chatActions.invalidate(id);
      },

      async setSearchQuery(query) {
        const seq = ++searchSeq;
        if (get().searchHighlight?.query !== query) set({ searchHighlight: null });
        if (query.trim() === '') {
          set({ search: emptySearch });
          return;
        }
        set((s) => ({ search: { ...s.search, query, loading: true } }));
        const res = await client.call('history.search', { query, limit: 30 });
        if (seq !== searchSeq) return; // a newer query superseded this one
        if (!res.ok) {
          set((s) => ({ search: { ...s.search, loading: false } }));
          return get().ui.showToast(res.error);
        }
        set({
          search: {
            query,
            results: res.data.results,
            nextCursor: res.data.nextCursor,
            loading: false,
          },
        });
      },

      async searchMore() {
        const { query, nextCursor } = get().search;
        if (!nextCursor) return;
        const seq = searchSeq;
        const res = await client.call('history.search', { query, cursor: nextCursor, limit: 30 });
        if (seq !== searchSeq || !res.ok) return;
        set((s) => ({
          search: {
            ...s.search,
            results: [...s.search.results, ...res.data.results],
            nextCursor: res.data.nextCursor,
          },
        }));
      },

      async openSearchResult(result) {
        const messageId = result.messageId;
        set({
          searchHighlight: messageId
            ? { conversationId: result.conversationId, messageId, query: get().search.query }
            : null,
        });
        await get().conversationActions.select(result.conversationId);
        if (result.messageId) {
          const shown = (): boolean =>
            get().chat.threads[result.conversationId]?.ids.includes(messageId ?? '') ?? false;
          // A match in another version: show that version (and its branch) first.
          if (!shown()) await get().chatActions.chooseVersion(result.messageId);
          const thread = get().chat.threads[result.conversationId];
          // An old message may be outside the loaded page: load older pages until it is there.
          let guard = 0;
          while (
            thread &&
            !shown() &&
            get().chat.threads[result.conversationId]?.hasMore &&
            guard++ < 50
          ) {
            await get().chatActions.loadOlder(result.conversationId);
          }
          get().ui.focusMessage(result.messageId);
        }
      },
    },
  };
}
