import { Worker } from 'node:worker_threads';
import type { ImportPreview, ImportProgress, ImportReport } from '../../shared/types/history';
import { isCode } from '../../shared/codes';
import { FleeceError, type FleeceErrorOptions } from '../errors/FleeceError';
import { workerEntry } from './workerEntry';

export interface ImportWorkerData {
  file: string;
  dbPath: string;
  /** Work per transaction and the pause after it, in ms (see SlicedInsertOptions). */
  sliceMs: number;
  pauseMs: number;
  /** Int32 flag: 1 = stop before the next slice. */
  cancel: SharedArrayBuffer;
  /** Post a preview once the file is read and checked, then wait for a message (go or cancel). */
  confirm: boolean;
}

export type ImportWorkerMessage =
  | { type: 'progress'; phase: ImportProgress['phase']; done: number; total: number }
  | { type: 'preview'; preview: ImportPreview }
  | { type: 'done'; report: (ImportReport & { cancelled: boolean }) | null }
  | {
      type: 'error';
      name: string;
      code: string | null;
      message: string;
      /** Set for a FleeceError, rebuilt on this side with the same code and words. */
      options: Omit<FleeceErrorOptions, 'cause' | 'partial'> | null;
    };

export interface ImportRun {
  result: Promise<ImportReport & { cancelled: boolean }>;
  cancel(): void;
  /** Goes on after the preview (runs started with `onPreview` wait for this or `cancel`). */
  proceed(): void;
}

export interface ImportCallbacks {
  onProgress: (p: ImportProgress) => void;
  /** Given: the worker previews the file and writes nothing until `proceed`. */
  onPreview?: (p: ImportPreview) => void;
}

function toError(m: Extract<ImportWorkerMessage, { type: 'error' }>): Error {
  if (m.name === 'FleeceError' && isCode(m.code) && m.options)
    return new FleeceError(m.code, m.options);
  return Object.assign(new Error(m.message), m.code ? { code: m.code } : {});
}

/**
 * 15 ms of inserts, then 10 ms free: the main thread's busy wait on the lock (SQLite retries
 * after 1, 3, 8, 18, 33… ms) finds a free gap within about one cycle, well under 50 ms.
 */
export const IMPORT_SLICE = { sliceMs: 15, pauseMs: 10 };

/** Imports `file` into the history at `dbPath` in a worker thread, with progress and cancel. */
export function importInWorker(
  file: string,
  dbPath: string,
  callbacks: ImportCallbacks | ((p: ImportProgress) => void),
  slice: { sliceMs: number; pauseMs: number } = IMPORT_SLICE,
): ImportRun {
  const { onProgress, onPreview } =
    typeof callbacks === 'function' ? { onProgress: callbacks, onPreview: undefined } : callbacks;
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const entry = workerEntry('importWorker');
  const data: ImportWorkerData = { file, dbPath, ...slice, cancel, confirm: Boolean(onPreview) };
  const worker = new Worker(entry.file, {
    workerData: data,
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
  });
  const result = new Promise<ImportReport & { cancelled: boolean }>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: ImportWorkerMessage) => {
      if (m.type === 'progress') onProgress({ phase: m.phase, done: m.done, total: m.total });
      else if (m.type === 'preview') onPreview?.(m.preview);
      else {
        settled = true;
        if (m.type === 'error') reject(toError(m));
        else
          resolve(
            m.report ?? {
              conversationsAdded: 0,
              conversationsMerged: 0,
              messagesAdded: 0,
              messagesSkipped: 0,
              cancelled: true,
            },
          );
        void worker.terminate();
      }
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`import worker exited with code ${code}`));
    });
  });
  return {
    result,
    cancel: () => {
      Atomics.store(flag, 0, 1);
      worker.postMessage('cancel');
    },
    proceed: () => {
      worker.postMessage('go');
    },
  };
}
