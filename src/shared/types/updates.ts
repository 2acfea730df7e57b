import { z } from 'zod';
import type { CodedText } from '../codes';

/**
 * Settings → About → Updates. An empty feed means the feed the package was built with
 * (electron-builder's `publish` setting, written into the app as `app-update.yml`).
 */
export const updateSettingsSchema = z.object({
  feedUrl: z.string().max(2000).default(''),
  checkOnStart: z.boolean().default(true),
});
export type UpdateSettings = z.infer<typeof updateSettingsSchema>;

export type UpdateStatus =
  /** `not_packaged`: a development run (the updater is off); `no_feed`: no feed anywhere. */
  | { state: 'disabled'; reason: 'not_packaged' | 'no_feed' }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'current'; version: string }
  /** A newer version was found and is being downloaded (and checked) in the background. */
  | { state: 'downloading'; version: string }
  /** Downloaded and verified: installed on restart. */
  | { state: 'ready'; version: string }
  | { state: 'error'; error: CodedText };

export interface UpdateState {
  settings: UpdateSettings;
  currentVersion: string;
  status: UpdateStatus;
}
