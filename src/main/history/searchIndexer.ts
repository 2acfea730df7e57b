import type { Db } from './db';
import { hasPendingIndex, indexPendingSlice } from './searchIndex';

/**
 * Time budget of one indexing slice on the main thread. A chunk costs 1–6 ms (Chinese is the
 * slow end), so a slice stays well inside the 50 ms a task may take, and a route, a stream's
 * read or a checkpoint waits at most this long behind it.
 */
export const INDEX_SLICE_MS = 8;

/**
 * Drains the queue of long messages to index (see searchIndex.ts) in slices, each its own
 * transaction, with a turn of the event loop between them. `kick()` after any write that may
 * have queued one; `idle()` resolves once the queue is empty.
 */
/** Whether anything is queued; a file this version cannot write (read-only, newer) has nothing. */
function pendingIn(db: Db): boolean {
  try {
    return hasPendingIndex(db);
  } catch {
    return false;
  }
}

export class SearchIndexer {
  private running: Promise<void> | null = null;
  private stopped = false;
  private paused = false;

  constructor(
    private readonly db: () => Db,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  kick(): void {
    if (this.running || this.stopped || this.paused) return;
    const db = this.db();
    if (!db.open || !pendingIn(db)) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when nothing is queued (or the store closed). */
  async idle(): Promise<void> {
    this.kick();
    while (this.running) {
      await this.running;
      this.kick();
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /** No slice runs until `resume()` (while the file is being copied elsewhere). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.kick();
  }

  private async drain(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const db = this.db();
      if (this.stopped || this.paused || !db.open) return;
      try {
        if (!indexPendingSlice(db, INDEX_SLICE_MS)) return;
      } catch (error) {
        // The queue survives in the file: the next kick (or start) picks it up again.
        this.onError(error);
        return;
      }
    }
  }
}
