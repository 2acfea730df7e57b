import type { AppStore } from './store';
import { selectStreamingId } from './components/chat/Composer';

export type ShortcutId =
  | 'newChat'
  | 'search'
  | 'settings'
  | 'toggleSidebar'
  | 'shortcuts'
  | 'stop'
  | 'send'
  | 'newline'
  | 'editLast'
  | 'rename'
  | 'pin'
  | 'delete'
  | 'rowMenu'
  | 'clearSearch';

export interface ShortcutDef {
  id: ShortcutId;
  /** Keys joined by "+"; "Mod" is Cmd on macOS and Ctrl elsewhere. */
  keys: string;
  group: 'app' | 'composer' | 'conversation';
}

/** Every keyboard shortcut Fleece has, as listed in the shortcuts sheet. */
export const SHORTCUTS: readonly ShortcutDef[] = [
  { id: 'newChat', keys: 'Mod+N', group: 'app' },
  { id: 'search', keys: 'Mod+K', group: 'app' },
  { id: 'settings', keys: 'Mod+,', group: 'app' },
  { id: 'toggleSidebar', keys: 'Mod+B', group: 'app' },
  { id: 'shortcuts', keys: 'Mod+/', group: 'app' },
  { id: 'stop', keys: 'Esc', group: 'composer' },
  { id: 'send', keys: 'Enter', group: 'composer' },
  { id: 'newline', keys: 'Shift+Enter', group: 'composer' },
  { id: 'editLast', keys: '↑', group: 'composer' },
  { id: 'rename', keys: 'F2', group: 'conversation' },
  { id: 'pin', keys: 'P', group: 'conversation' },
  { id: 'delete', keys: 'Delete', group: 'conversation' },
  { id: 'rowMenu', keys: 'Shift+F10', group: 'conversation' },
  { id: 'clearSearch', keys: 'Esc', group: 'conversation' },
];

export const isMacPlatform = (): boolean => navigator.platform.toLowerCase().includes('mac');

/** The keys of a shortcut as this platform writes them ("Ctrl+B" or "⌘+B"). */
export function shortcutKeys(id: ShortcutId, isMac = isMacPlatform()): string {
  const keys = SHORTCUTS.find((s) => s.id === id)?.keys ?? '';
  return keys.replace('Mod', isMac ? '⌘' : 'Ctrl');
}

/**
 * Ctrl/Cmd+N new chat, +K search, +, settings, +B sidebar, +/ shortcuts sheet; Esc stops.
 * Returns true when the key was handled.
 */
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
      if (s.sidebarCollapsed) s.ui.toggleSidebar();
      s.ui.focusSearch();
      return true;
    }
    if (key === ',') {
      s.ui.setView('settings');
      return true;
    }
    if (key === 'b') {
      s.ui.toggleSidebar();
      return true;
    }
    if (key === '/') {
      s.ui.setShortcutsOpen(!s.shortcutsOpen);
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
