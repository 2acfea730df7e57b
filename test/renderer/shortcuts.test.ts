import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/renderer/src/store';
import { handleShortcut, SHORTCUTS, shortcutKeys } from '../../src/renderer/src/shortcuts';
import { loadCatalog } from '../../src/renderer/src/i18n/resources';
import { createFakeClient } from './fakeClient';

const key = (k: string, mods: Partial<KeyboardEventInit> = {}): KeyboardEvent =>
  new KeyboardEvent('keydown', { key: k, ...mods });

describe('keyboard shortcuts', () => {
  it('Ctrl+B toggles the sidebar and Ctrl+/ toggles the shortcuts sheet', () => {
    const store = createAppStore(createFakeClient({}).client);
    expect(handleShortcut(key('b', { ctrlKey: true }), store, false)).toBe(true);
    expect(store.getState().sidebarCollapsed).toBe(true);
    handleShortcut(key('b', { ctrlKey: true }), store, false);
    expect(store.getState().sidebarCollapsed).toBe(false);
    expect(handleShortcut(key('/', { ctrlKey: true }), store, false)).toBe(true);
    expect(store.getState().shortcutsOpen).toBe(true);
    handleShortcut(key('/', { ctrlKey: true }), store, false);
    expect(store.getState().shortcutsOpen).toBe(false);
  });

  it('uses Cmd on macOS and leaves a plain key alone', () => {
    const store = createAppStore(createFakeClient({}).client);
    expect(handleShortcut(key('b', { ctrlKey: true }), store, true)).toBe(false);
    expect(handleShortcut(key('b', { metaKey: true }), store, true)).toBe(true);
    expect(handleShortcut(key('b'), store, false)).toBe(false);
    expect(shortcutKeys('toggleSidebar', true)).toBe('⌘+B');
    expect(shortcutKeys('toggleSidebar', false)).toBe('Ctrl+B');
  });

  it('Ctrl+K opens a collapsed sidebar so the search box can take focus', () => {
    const store = createAppStore(createFakeClient({}).client);
    store.getState().ui.toggleSidebar();
    handleShortcut(key('k', { ctrlKey: true }), store, false);
    expect(store.getState().sidebarCollapsed).toBe(false);
    expect(store.getState().searchFocusTick).toBe(1);
  });

  it('every listed shortcut has a name in the sheet in every language', async () => {
    for (const lang of ['en', 'vi', 'zh-CN'] as const) {
      const catalog = await loadCatalog(lang);
      const items = catalog.common.shortcuts.items as Record<string, string>;
      for (const s of SHORTCUTS) expect(items[s.id], `${lang} ${s.id}`).toBeTruthy();
    }
  });
});
