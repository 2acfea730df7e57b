import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FleeceClient } from '../api/client';
import type { ChatDelta } from '../../../shared/contract/chat';
import { createChatSlice } from './slices/chatSlice';
import { createConversationsSlice } from './slices/conversationsSlice';
import { createPromptsSlice } from './slices/promptsSlice';
import { createSettingsSlice } from './slices/settingsSlice';
import { createTrashSlice } from './slices/trashSlice';
import { createUiSlice } from './slices/uiSlice';
import { createUsageSlice } from './slices/usageSlice';
import type { AppState } from './types';
import { frameQueue } from './frameQueue';
import { frameClock } from './frameClock';

export type { AppState } from './types';

/** Reads and polls (lists, search, snapshots) do not count as "the next action succeeded". */
function isReadRoute(route: string): boolean {
  return /\.(list|get|info|search|snapshot|active|listTrash|summary)$|^usage\./.test(route);
}
export type AppStore = StoreApi<AppState>;

/** Toasts that warn about a saved setting rather than report a failed action. */
const STICKY_TOASTS = new Set(['key_looks_like_openai']);

/** One store from typed slices; the client is injected so tests drive it with a fake bridge. */
export function createAppStore(client: FleeceClient, now: () => number = Date.now): AppStore {
  return createStore<AppState>()((set, get) => {
    // An error toast is about the last action: the next action that succeeds clears it. A
    // warning about what was just saved (an OpenAI key on a relay) stays until it is read.
    const tracked: FleeceClient = {
      call: async (route, input) => {
        const res = await client.call(route, input);
        const toast = get().toast;
        if (res.ok && !isReadRoute(route) && toast && !STICKY_TOASTS.has(toast.code))
          set({ toast: null });
        return res;
      },
      on: client.on,
    };
    const deps = { set, get, client: tracked, now };
    return {
      ...createUiSlice(deps),
      ...createSettingsSlice(deps),
      ...createConversationsSlice(deps),
      ...createChatSlice(deps),
      ...createUsageSlice(deps),
      ...createTrashSlice(deps),
      ...createPromptsSlice(deps),
    };
  });
}

/** Subscribes the store to main's events; returns the unsubscribe. */
export function connectEvents(store: AppStore, client: FleeceClient): () => void {
  // Main sends a stream's text in small steps (see DeltaBatcher); a frame's worth is applied
  // together, in the frame that paints it.
  const deltas = frameQueue<ChatDelta>((items) => store.getState().chatActions.onDeltas(items));
  // While several answers stream, main sends their text just before this window's frames, as
  // it hears of them from here.
  const frames = frameClock((at, interval) => {
    void client.call('chat.frameClock', { at, interval });
  });
  const offs = [
    client.on('chat.deltas', (list) => {
      for (const d of list) deltas.push(d);
      frames.onText();
    }),
    client.on('chat.done', (d) => {
      deltas.flush();
      store.getState().chatActions.onDone(d);
      store.getState().usageActions.markStale();
    }),
    client.on('usage.budgetAlert', (a) => store.getState().usageActions.onBudgetAlert(a)),
    client.on('conversations.changed', (e) => {
      store.getState().conversationActions.onChanged(e);
      store.getState().trashActions.onChanged(e);
    }),
    client.on('profiles.changed', (p) => store.getState().settingsActions.applyProfiles(p)),
    client.on('app.storage', (storage) => store.setState({ storage })),
    client.on('app.notice', (n) =>
      store.setState((s) => ({ notices: [...s.notices.filter((o) => o.id !== n.id), n] })),
    ),
  ];
  return () => offs.forEach((off) => off());
}
