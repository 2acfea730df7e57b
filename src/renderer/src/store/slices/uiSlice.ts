import type { AttachmentRef } from '../../../../shared/attachment';
import type { Reported } from '../../i18n/codedText';
import type { AppError } from '../../../../shared/result';
import type { AppNotice, StorageStatus } from '../../../../shared/contract/app';
import type { SliceDeps } from '../types';
import type { ModelRef } from '../../../../shared/types/profiles';
import { takeUnsent } from '../unsentStash';

export type View = 'chat' | 'settings' | 'usage' | 'setup' | 'trash';
export type UsageTab = 'usage' | 'compare';
export type SettingsTab =
  'general' | 'profiles' | 'models' | 'prompts' | 'network' | 'data' | 'shortcuts' | 'about';

/** The key for drafts of a chat that does not exist yet. */
export const NEW_CHAT_DRAFT = '__new__';

export interface UiSlice {
  view: View;
  /** Where Fleece keeps its data (from app.info). */
  dataDir: string | null;
  /** Per conversation (or NEW_CHAT_DRAFT): unsent composer text survives switching. */
  drafts: Record<string, string>;
  /** Files attached in the composer, per draft (already stored in main), in order. */
  attachmentDrafts: Record<string, AttachmentRef[]>;
  notices: AppNotice[];
  /** No keychain this run: keys are kept in memory for the session (a start-up notice said so). */
  keysInSession: boolean;
  /** Whether main's writes to disk fail right now (an app-wide notice while they do). */
  storage: StorageStatus;
  /** Answers the disk refused (message id → storage code), held by main until it can save them. */
  unsavedAnswers: Record<string, string>;
  /** Last failed action that is not tied to a message (shown as a toast). */
  toast: AppError | null;
  /** A message to scroll to and highlight (from search). */
  focusMessageId: string | null;
  /** Set when the relay could not be reached: sending is unavailable, browsing works. */
  offline: { reason: Reported } | null;
  /** The model picked for a chat not sent yet (becomes the new conversation's model). */
  newChatModel: string | null;
  /** The profile of that model (becomes the new conversation's profile); null: the active one. */
  newChatProfileId: string | null;
  /** A user message whose inline editor should open (Up on an empty composer). */
  editRequestId: string | null;
  /** Bumps to ask the composer to take focus. */
  composerFocusTick: number;
  /** Bumps to ask the search box to take focus. */
  searchFocusTick: number;
  /** The sidebar shows icons only (Ctrl/Cmd+B). */
  sidebarCollapsed: boolean;
  /** The keyboard shortcuts sheet is open (Ctrl/Cmd+/). */
  shortcutsOpen: boolean;
  /** The Settings tab shown; connection profiles first, as that is what brings people there. */
  settingsTab: SettingsTab;
  /** Fleece's version (from app.info). */
  appVersion: string | null;
  /**
   * Per draft (conversation id or NEW_CHAT_DRAFT): the models the next question goes to at
   * once, while the composer is in compare mode (absent: one model, as usual).
   */
  compareTargets: Record<string, ModelRef[]>;
  /** The Usage page's tab: spending, or the figures of the comparisons. */
  usageTab: UsageTab;
  ui: {
    setView(view: View): void;
    setDraft(key: string, text: string): void;
    setAttachments(key: string, list: AttachmentRef[]): void;
    dismissNotice(id: string): void;
    showToast(error: AppError | null): void;
    focusMessage(id: string | null): void;
    setOffline(reason: Reported | null): void;
    focusComposer(): void;
    focusSearch(): void;
    requestEdit(id: string | null): void;
    setNewChatModel(model: string | null, profileId?: string | null): void;
    toggleSidebar(): void;
    setShortcutsOpen(open: boolean): void;
    setSettingsTab(tab: SettingsTab): void;
    /** Compare mode on (with these models, possibly none yet) or off (null). */
    setCompareTargets(key: string, list: ModelRef[] | null): void;
    setUsageTab(tab: UsageTab): void;
  };
}

export function createUiSlice({ set }: SliceDeps): UiSlice {
  // Drafts from before a reload of the window, if that is how this window started.
  const unsent = takeUnsent();
  return {
    view: 'chat',
    dataDir: null,
    drafts: unsent?.drafts ?? {},
    attachmentDrafts: unsent?.attachmentDrafts ?? {},
    notices: [],
    keysInSession: false,
    storage: { failing: false },
    unsavedAnswers: {},
    toast: null,
    focusMessageId: null,
    offline: null,
    editRequestId: null,
    newChatModel: null,
    newChatProfileId: null,
    composerFocusTick: 0,
    searchFocusTick: 0,
    sidebarCollapsed: false,
    shortcutsOpen: false,
    settingsTab: 'profiles',
    appVersion: null,
    compareTargets: {},
    usageTab: 'usage',
    ui: {
      setView: (view) => set({ view }),
      setDraft: (key, text) =>
        set((s) => {
          if ((s.drafts[key] ?? '') === text) return s;
          const drafts = { ...s.drafts };
          if (text === '') delete drafts[key];
          else drafts[key] = text;
          return { drafts };
        }),
      setAttachments: (key, list) =>
        set((s) => {
          const attachmentDrafts = { ...s.attachmentDrafts };
          if (list.length === 0) delete attachmentDrafts[key];
          else attachmentDrafts[key] = list;
          return { attachmentDrafts };
        }),
      dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
      showToast: (toast) => set({ toast }),
      focusMessage: (focusMessageId) => set({ focusMessageId }),
      setOffline: (reason) => set({ offline: reason === null ? null : { reason } }),
      focusComposer: () => set((s) => ({ composerFocusTick: s.composerFocusTick + 1 })),
      focusSearch: () => set((s) => ({ searchFocusTick: s.searchFocusTick + 1 })),
      requestEdit: (editRequestId) => set({ editRequestId }),
      setNewChatModel: (newChatModel, newChatProfileId = null) =>
        set({ newChatModel, newChatProfileId }),
      toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
      setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
      setSettingsTab: (settingsTab) => set({ settingsTab }),
      setCompareTargets: (key, list) =>
        set((s) => {
          if (list === null && !(key in s.compareTargets)) return s;
          const compareTargets = { ...s.compareTargets };
          if (list === null) delete compareTargets[key];
          else compareTargets[key] = list;
          return { compareTargets };
        }),
      setUsageTab: (usageTab) => set({ usageTab }),
    },
  };
}
