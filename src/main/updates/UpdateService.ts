import type { AppNotice } from '../../shared/contract/app';
import { coded } from '../../shared/codes';
import { checkFeedUrl } from '../../shared/rules/updateFeed';
import type { UpdateSettings, UpdateState, UpdateStatus } from '../../shared/types/updates';
import { FleeceError } from '../errors/FleeceError';

/**
 * What Fleece uses of electron-updater's `AppUpdater` (its platform classes satisfy this as they
 * are). Download verification is the updater's own: each file's SHA-512 from the feed's
 * `latest*.yml` and, on Windows, the installer's code signature against the publisher the app
 * was built with. Nothing here turns either off.
 */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<{
    isUpdateAvailable: boolean;
    updateInfo: { version: string };
    downloadPromise?: Promise<unknown> | null;
  } | null>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateServiceDeps {
  /** False in development and in the harness: the updater stays off. */
  packaged: boolean;
  currentVersion: string;
  /**
   * A fresh updater for the user's feed, or for the package's built-in feed when null (a changed
   * feed gets a new updater, so clearing it falls back to the built-in one).
   */
  createUpdater: (feedUrl: string | null) => UpdaterPort;
  settings: { get(): UpdateSettings; save(next: UpdateSettings): Promise<void> };
  /** The "update ready — restart" notice for the notice area. */
  notify: (notice: AppNotice) => void;
  /** Every change of state, for Settings → About. */
  onStatus?: (state: UpdateState) => void;
  log: (message: string, error?: unknown) => void;
}

export const UPDATE_NOTICE_ID = 'update-ready';

export class UpdateService {
  private status: UpdateStatus;
  private updater: UpdaterPort | null = null;
  private running: Promise<UpdateState> | null = null;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.status = deps.packaged ? { state: 'idle' } : { state: 'disabled', reason: 'not_packaged' };
  }

  state(): UpdateState {
    return {
      settings: this.deps.settings.get(),
      currentVersion: this.deps.currentVersion,
      status: this.status,
    };
  }

  /** At start-up: one check in the background when the user wants it (never in development). */
  start(): void {
    if (!this.deps.packaged || !this.deps.settings.get().checkOnStart) return;
    this.check().catch((error: unknown) => this.deps.log('update check failed', error));
  }

  async setSettings(patch: Partial<UpdateSettings>): Promise<UpdateState> {
    const next = { ...this.deps.settings.get(), ...patch };
    next.feedUrl = next.feedUrl.trim();
    const check = checkFeedUrl(next.feedUrl);
    if (check === 'not_https' || check === 'invalid')
      throw new FleeceError('update_feed_invalid', { text: `update_feed_${check}` });
    const feedChanged = next.feedUrl !== this.deps.settings.get().feedUrl;
    await this.deps.settings.save(next);
    // A download in flight keeps its updater; the next check uses the new feed.
    if (feedChanged && this.status.state !== 'downloading' && this.status.state !== 'ready')
      this.updater = null;
    return this.state();
  }

  /** Asks the feed for a newer version; a newer one is downloaded, verified, then announced. */
  check(): Promise<UpdateState> {
    if (!this.deps.packaged) return Promise.resolve(this.state());
    if (this.status.state === 'downloading' || this.status.state === 'ready')
      return Promise.resolve(this.state());
    this.running ??= this.runCheck().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Quits and installs the downloaded update; refused before one is ready. */
  restart(): void {
    if (this.status.state !== 'ready' || !this.updater) throw new FleeceError('update_not_ready');
    this.updater.quitAndInstall(false, true);
  }

  private updaterNow(): UpdaterPort {
    if (this.updater) return this.updater;
    const updater = this.deps.createUpdater(this.deps.settings.get().feedUrl || null);
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.on('update-downloaded', (info) => {
      this.setStatus({ state: 'ready', version: info.version });
      this.deps.notify({
        id: UPDATE_NOTICE_ID,
        kind: 'update_ready',
        text: coded('update_ready', { version: info.version }),
      });
    });
    this.updater = updater;
    return updater;
  }

  private async runCheck(): Promise<UpdateState> {
    this.setStatus({ state: 'checking' });
    try {
      const result = await this.updaterNow().checkForUpdates();
      if (!result) this.setStatus({ state: 'disabled', reason: 'not_packaged' });
      else if (!result.isUpdateAvailable)
        this.setStatus({ state: 'current', version: result.updateInfo.version });
      else {
        const version = result.updateInfo.version;
        if (this.status.state !== 'ready') this.setStatus({ state: 'downloading', version });
        // A failed download or a hash that does not match: said in About, nothing installed.
        result.downloadPromise?.catch((error: unknown) => {
          this.deps.log('update download failed', error);
          this.updater = null;
          this.setStatus({
            state: 'error',
            error: coded('update_download_failed', { version }),
          });
        });
      }
    } catch (error) {
      this.deps.log('update check failed', error);
      this.updater = null;
      const missingFeed = (error as { code?: unknown }).code === 'ENOENT';
      this.setStatus({
        state: 'error',
        error: missingFeed ? coded('update_no_feed') : coded('update_check_failed'),
      });
    }
    return this.state();
  }

  private setStatus(status: UpdateStatus): void {
    this.status = status;
    this.deps.onStatus?.(this.state());
  }
}
