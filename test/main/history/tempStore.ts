import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore, type OpenedHistory } from '../../../src/main/history/HistoryStore';
import type { OpenHistoryOptions } from '../../../src/main/history/openHistoryDb';

/** A temp data dir per test, removed afterwards; stores opened through it are closed first. */
export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'fleece-history-test-'));
  private readonly stores: HistoryStore[] = [];

  async open(options: Partial<OpenHistoryOptions> = {}): Promise<OpenedHistory> {
    const opened = await HistoryStore.open({ dataDir: this.path, ...options });
    this.stores.push(opened.store);
    return opened;
  }

  file(name = 'history.sqlite'): string {
    return join(this.path, name);
  }

  cleanup(): void {
    for (const store of this.stores) store.close();
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** A settable clock for stores: trash expiry and ordering by activity without sleeping. */
export function manualClock(start = Date.UTC(2025, 0, 1)): {
  now: () => number;
  set: (t: number) => void;
  advance: (ms: number) => number;
} {
  let t = start;
  return {
    now: () => t,
    set: (value) => {
      t = value;
    },
    advance: (ms) => (t += ms),
  };
}
