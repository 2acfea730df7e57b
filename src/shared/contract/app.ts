import type { CodedText } from '../codes';
import { z } from 'zod';
import { event, route } from './define';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** Where conversations and settings live on disk, as shown (the home folder as `~`). */
  dataDir: string;
  /** Things the user must be told once (a damaged file moved aside, keychain missing...). */
  notices: AppNotice[];
  /** Whether writes to the history fail right now (also sent as `app.storage` when it changes). */
  storage?: StorageStatus;
}

/**
 * `failing`: the disk refuses writes (code: storage_full, storage_read_only, storage_denied,
 * storage_io); `unsaved` answers are held in memory and written as soon as the disk accepts them.
 */
export type StorageStatus =
  { failing: false } | { failing: true; code: string; path: string; unsaved: number };

export interface AppNotice {
  id: string;
  kind:
    | 'history_recovered'
    | 'history_salvaged'
    | 'history_read_only'
    | 'settings_recovered'
    | 'keychain_unavailable'
    | 'update_ready'
    | 'info';
  /** What happened, translated by the renderer. */
  text: CodedText;
  /** Why, when there is more to say (why the keychain is unavailable). */
  reason?: CodedText;
  /** A path the text refers to. */
  detail?: string;
}

export const appRoutes = {
  'app.info': route<AppInfo>()(z.object({}).strict()),
  /** Opens a link in the system browser; only http:, https: and mailto: are allowed. */
  'app.openExternal': route<{ opened: true }>()(z.object({ url: z.string().max(8192) }).strict()),
  /** Opens the data folder (conversations, settings, attachments) in the system's file manager. */
  'app.openDataFolder': route<{ opened: true }>()(z.object({}).strict()),
  /**
   * Fetches a remote image the user clicked (model output is untrusted, so nothing is fetched
   * automatically) and returns it as a data: URL; the renderer's CSP stays closed to the network.
   */
  'app.fetchImage': route<{ dataUrl: string }>()(z.object({ url: z.string().max(8192) }).strict()),
};

export const appEvents = {
  'app.notice': event<AppNotice>(),
  'app.storage': event<StorageStatus>(),
};
