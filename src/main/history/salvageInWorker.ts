import { Worker } from 'node:worker_threads';
import type { SalvageCounts } from './salvageHistory';
import { workerEntry } from './workerEntry';

export interface SalvageWorkerData {
  damaged: string;
  /** A fresh, migrated history file, closed by the caller. */
  target: string;
}

export type SalvageWorkerMessage =
  { type: 'done'; counts: SalvageCounts } | { type: 'error'; message: string };

/** `salvageHistory` in a worker thread with its own connections to both files. */
export function salvageInWorker(damaged: string, target: string): Promise<SalvageCounts> {
  const entry = workerEntry('salvageWorker');
  const data: SalvageWorkerData = { damaged, target };
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.file, {
      workerData: data,
      ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    });
    let settled = false;
    worker.once('message', (m: SalvageWorkerMessage) => {
      settled = true;
      if (m.type === 'done') resolve(m.counts);
      else reject(new Error(`salvage failed: ${m.message}`));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`salvage worker exited with code ${code}`));
    });
  });
}
