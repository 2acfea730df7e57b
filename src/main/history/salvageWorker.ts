/**
 * Worker-thread entry (its own bundle, see electron.vite.config.ts): copies what is readable of a
 * damaged history into the fresh file, so a large salvage never blocks the main process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { salvageHistory, type SalvageCounts } from './salvageHistory';
import type { SalvageWorkerData, SalvageWorkerMessage } from './salvageInWorker';

const input = workerData as SalvageWorkerData;
const post = (m: SalvageWorkerMessage): void => parentPort?.postMessage(m);

try {
  const target = new Database(input.target, { fileMustExist: true });
  let counts: SalvageCounts;
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = NORMAL');
    target.pragma('foreign_keys = ON');
    target.pragma('busy_timeout = 5000');
    counts = salvageHistory(input.damaged, target);
  } finally {
    // Closed before answering: closing folds the WAL into the file the caller then moves.
    target.close();
  }
  post({ type: 'done', counts });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
