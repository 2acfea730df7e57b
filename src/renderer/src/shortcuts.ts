import type { AppStore } from './store';
import { selectStreamingId } from './components/chat/Composer';

/** Ctrl/Cmd+N new chat, Ctrl/Cmd+K search, Ctrl/Cmd+, settings, Esc stop. */
export function handleShortcut(e: KeyboardEvent, store: AppStore, isMac: boolean): boolean {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const s = store.getState();
  if (mod && !e.shiftKey && !e.altKey) {
    const key = e.key.toLowerCase();
    if (key === 'n') {
      s.conversationActions.newChat();
      return true;
    }
    if (key === 'k') {
      s.ui.focusSearch();
      return true;
    }
    if (key === ',') {
      s.ui.setView('settings');
      return true;
    }
  }
  if (e.key === 'Escape' && !e.isComposing) {
    const streaming = selectStreamingId(s, s.activeConversationId);
    if (streaming) {
      void s.chatActions.stop(streaming);
      return true;
    }
  }
  return false;
}
