import type { Conversation } from '../../../../shared/types/history';
import type { SliceDeps } from '../types';

export interface TrashState {
  /** Most recently deleted first. */
  items: Conversation[];
  cursor: string | null;
  loaded: boolean;
  loading: boolean;
  /** The last load failed (the toast says why); the view offers to try again. */
  failed: boolean;
}

export interface TrashSlice {
  trash: TrashState;
  trashActions: {
    load(): Promise<void>;
    loadMore(): Promise<void>;
    restore(id: string): Promise<void>;
    /** Deletes for good (the view asks first). */
    purge(id: string): Promise<void>;
    empty(): Promise<void>;
    /** A conversation changed elsewhere: one just deleted joins the trash list, a restored one leaves it. */
    onChanged(e: { conversation: Conversation | null; id: string; removed: boolean }): void;
  };
}

const PAGE = 100;

/** Inserts `c` in deletion order (newest first), replacing an older copy. */
export function withTrashed(items: Conversation[], c: Conversation): Conversation[] {
  const rest = items.filter((o) => o.id !== c.id);
  const at = rest.findIndex((o) => (o.deletedAt ?? 0) < (c.deletedAt ?? 0));
  return at < 0 ? [...rest, c] : [...rest.slice(0, at), c, ...rest.slice(at)];
}

export function createTrashSlice({ set, get, client }: SliceDeps): TrashSlice {
  const drop = (id: string): void =>
    set((s) =>
      s.trash.items.some((c) => c.id === id)
        ? { trash: { ...s.trash, items: s.trash.items.filter((c) => c.id !== id) } }
        : s,
    );
  const forgetUndo = (id?: string): void => {
    const last = get().lastDeleted;
    if (last && (id === undefined || last.id === id)) get().conversationActions.forgetDeleted();
  };

  return {
    trash: { items: [], cursor: null, loaded: false, loading: false, failed: false },
    trashActions: {
      async load() {
        set((s) => ({ trash: { ...s.trash, loading: true, failed: false } }));
        const res = await client.call('conversations.listTrash', { limit: PAGE });
        if (!res.ok) {
          set((s) => ({ trash: { ...s.trash, loading: false, failed: true } }));
          return get().ui.showToast(res.error);
        }
        set({
          trash: {
            items: res.data.conversations,
            cursor: res.data.nextCursor,
            loaded: true,
            loading: false,
            failed: false,
          },
        });
      },

      async loadMore() {
        const cursor = get().trash.cursor;
        if (!cursor) return;
        const res = await client.call('conversations.listTrash', { cursor, limit: PAGE });
        if (!res.ok) return get().ui.showToast(res.error);
        set((s) => ({
          trash: {
            ...s.trash,
            items: res.data.conversations.reduce(withTrashed, s.trash.items),
            cursor: res.data.nextCursor,
          },
        }));
      },

      async restore(id) {
        const res = await client.call('conversations.restore', { id });
        if (!res.ok) return get().ui.showToast(res.error);
        drop(id);
        forgetUndo(id);
        get().conversationActions.onChanged({ conversation: res.data, id, removed: false });
      },

      async purge(id) {
        const res = await client.call('conversations.purge', { id });
        if (!res.ok) return get().ui.showToast(res.error);
        drop(id);
        forgetUndo(id);
      },

      async empty() {
        const res = await client.call('conversations.emptyTrash', {});
        if (!res.ok) return get().ui.showToast(res.error);
        set((s) => ({ trash: { ...s.trash, items: [], cursor: null } }));
        forgetUndo();
      },

      onChanged({ conversation, id, removed }) {
        if (!get().trash.loaded) return;
        if (removed && conversation?.deletedAt != null)
          set((s) => ({ trash: { ...s.trash, items: withTrashed(s.trash.items, conversation) } }));
        else drop(id);
      },
    },
  };
}
