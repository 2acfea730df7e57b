import type { StoreApi } from 'zustand';
import type { FleeceClient } from '../api/client';
import type { ChatSlice } from './slices/chatSlice';
import type { ConversationsSlice } from './slices/conversationsSlice';
import type { PromptsSlice } from './slices/promptsSlice';
import type { SettingsSlice } from './slices/settingsSlice';
import type { TrashSlice } from './slices/trashSlice';
import type { UiSlice } from './slices/uiSlice';
import type { UsageSlice } from './slices/usageSlice';

export type AppState = ChatSlice &
  ConversationsSlice &
  PromptsSlice &
  SettingsSlice &
  TrashSlice &
  UiSlice &
  UsageSlice;

/** Every slice gets the store's get/set and the typed client; no slice touches React. */
export interface SliceDeps {
  set: StoreApi<AppState>['setState'];
  get: StoreApi<AppState>['getState'];
  client: FleeceClient;
  now: () => number;
}
