import type { StorageStatus } from '../../shared/contract/app';
import { realSetTimer, type SetTimer } from '../../shared/sleep';
import { isStorageFailure, storageFailure, type StorageFailure } from './storageErrors';

export interface StorageGuardDeps {
  /** Where the history lives (shown in the notice). */
  path: string;
  emit: (status: StorageStatus) => void;
  log: (message: string, error?: unknown) => void;
  setTimer?: SetTimer;
  /** How long to wait before trying the held writes again (default 5 s). */
  retryMs?: number;
}

interface Pending {
  write: () => void;
  /** Runs once the write finally succeeded (e.g. tell the window the answer is saved). */
  onSaved?: () => void;
  final: boolean;
}

/**
 * Watches writes to the history. A write the disk refuses is not lost: the newest write per
 * message is held in memory and retried on a timer and before the next write, and the window is
 * told (an app-wide notice) until writes succeed again.
 */
export class StorageGuard {
  private readonly pending = new Map<string, Pending>();
  private failing: StorageFailure | null = null;
  private cancelRetry: (() => void) | null = null;
  private readonly setTimer: SetTimer;

  constructor(private readonly deps: StorageGuardDeps) {
    this.setTimer = deps.setTimer ?? realSetTimer;
  }

  get unsavedCount(): number {
    return this.pending.size;
  }

  status(): StorageStatus {
    return this.failing
      ? { failing: true, code: this.failing.code, path: this.deps.path, unsaved: this.pending.size }
      : { failing: false };
  }

  /**
   * Any write: held writes go first (so the order on disk stays right), then `op`. A storage
   * failure becomes a coded StorageFailure and turns the notice on; a success turns it off.
   */
  run<T>(op: () => T): T {
    this.retry();
    try {
      const value = op();
      this.succeeded();
      return value;
    } catch (error) {
      throw this.failed(error);
    }
  }

  /** `run` for an asynchronous route handler. */
  async runAsync<T>(op: () => T | Promise<T>): Promise<T> {
    this.retry();
    try {
      const value = await op();
      this.succeeded();
      return value;
    } catch (error) {
      throw this.failed(error);
    }
  }

  /**
   * A write that must not be lost (a checkpoint, the final record of an answer). On a storage
   * failure it is kept and retried; returns the failure, or null once written. A newer write
   * for the same key replaces an older held one (a checkpoint holds the whole text so far).
   */
  hold(
    key: string,
    write: () => void,
    options: { final?: boolean; onSaved?: () => void } = {},
  ): StorageFailure | null {
    const held = this.pending.get(key);
    // A final record is never replaced by a later checkpoint of the same message.
    if (held?.final && !options.final) return this.failing;
    this.pending.delete(key);
    this.retry();
    try {
      write();
      this.succeeded();
      return null;
    } catch (error) {
      const failure = this.failed(error);
      if (!isStorageFailure(failure)) throw failure;
      this.pending.set(key, {
        write,
        final: options.final ?? false,
        ...(options.onSaved ? { onSaved: options.onSaved } : {}),
      });
      this.announce();
      return failure;
    }
  }

  /** Tries the held writes now (also done on a timer while any are held). True when none is left. */
  retry(): boolean {
    let wrote = false;
    for (const [key, p] of [...this.pending]) {
      try {
        p.write();
      } catch (error) {
        if (storageFailure(error) === null) {
          // Not the disk (the message was deleted meanwhile…): retrying cannot help.
          this.pending.delete(key);
          this.deps.log('a held write was dropped', error);
          continue;
        }
        this.failed(error);
        this.scheduleRetry();
        return false;
      }
      this.pending.delete(key);
      wrote = true;
      try {
        p.onSaved?.();
      } catch (error) {
        this.deps.log('after a held write', error);
      }
    }
    // Only a write that went through shows the disk accepts writes again.
    if (wrote && this.pending.size === 0) this.succeeded();
    return true;
  }

  /** Last try before quitting; what the disk still refuses is logged (it cannot be kept anywhere). */
  dispose(): void {
    if (this.pending.size > 0) this.retry();
    this.stopTimer();
    if (this.pending.size > 0)
      this.deps.log(
        `${this.pending.size} unsaved write(s) lost at exit: the disk still refuses them`,
      );
  }

  private stopTimer(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
  }

  private failed(error: unknown): unknown {
    const failure = storageFailure(error, this.deps.path);
    if (!failure) return error;
    const first = this.failing === null;
    this.failing = failure;
    if (first) {
      this.deps.log(`writes to the history fail (${failure.code})`, error);
      this.announce();
    }
    this.scheduleRetry();
    return failure;
  }

  private succeeded(): void {
    if (this.failing === null || this.pending.size > 0) return;
    this.failing = null;
    this.stopTimer();
    this.deps.log('writes to the history succeed again');
    this.announce();
  }

  private announce(): void {
    this.deps.emit(this.status());
  }

  private scheduleRetry(): void {
    if (this.cancelRetry) return;
    this.cancelRetry = this.setTimer(() => {
      this.cancelRetry = null;
      if (this.pending.size > 0) this.retry();
    }, this.deps.retryMs ?? 5000);
  }
}
