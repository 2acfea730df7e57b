/**
 * Worker-thread entry (its own bundle, see electron.vite.config.ts): reads, checks and inserts an
 * export, streamed from the file main's dialog chose, so a large file never blocks the main
 * process and is never held whole in memory. Inserts go in short
 * transactions with a pause after each: the app's own writes (a streaming answer) wait at most
 * one slice for the file's write lock, and SQLite's busy wait blocks the main thread meanwhile.
 */
import { stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { FleeceError, isFleeceError } from '../errors/FleeceError';
import { insertConversationsSliced } from './importHistory';
import { readExportFile } from './importFile';
import { indexPendingSlice } from './searchIndex';
import type { ImportWorkerData, ImportWorkerMessage } from './importInWorker';

const MB = 1024 * 1024;
/** The largest export read (the same bound the route once had on the text it carried). */
const IMPORT_MAX_BYTES = 512 * MB;

const input = workerData as ImportWorkerData;
const cancelFlag = new Int32Array(input.cancel);
const post = (m: ImportWorkerMessage): void => parentPort?.postMessage(m);

function describe(error: unknown): ImportWorkerMessage {
  // A FleeceError crosses whole (structured clone keeps its plain options), so main rebuilds it.
  if (isFleeceError(error)) {
    const { cause: _cause, partial: _partial, ...options } = error.options();
    return { type: 'error', name: error.name, code: error.code, message: error.message, options };
  }
  const e = error as { name?: string; code?: unknown; message?: string };
  return {
    type: 'error',
    name: e?.name ?? 'Error',
    code: typeof e?.code === 'string' ? e.code : null,
    message: e?.message ?? String(error),
    options: null,
  };
}

async function run(): Promise<void> {
  post({ type: 'progress', phase: 'reading', done: 0, total: 0 });
  const size = (await stat(input.file)).size;
  if (size > IMPORT_MAX_BYTES) {
    const details = { sizeMb: Math.ceil(size / MB), limitMb: IMPORT_MAX_BYTES / MB };
    throw new FleeceError('import_too_large', { params: details, details });
  }
  post({ type: 'progress', phase: 'checking', done: 0, total: 0 });
  // First pass: the whole file is checked (and its conversations counted) before anything is
  // written, as when it was parsed whole; the second pass writes. Neither holds the file.
  let total = 0;
  for await (const batch of readExportFile(input.file)) {
    total += batch.length;
    if (Atomics.load(cancelFlag, 0) === 1) return post({ type: 'done', report: null });
  }
  if (Atomics.load(cancelFlag, 0) === 1) return post({ type: 'done', report: null });
  const db = new Database(input.dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const cancelled = () => Atomics.load(cancelFlag, 0) === 1;
    let lastPost = 0;
    const report = await insertConversationsSliced(db, readExportFile(input.file), total, {
      sliceMs: input.sliceMs,
      pauseMs: input.pauseMs,
      cancelled,
      onProgress: (done, total) => {
        // At most ten a second: each one crosses to the window.
        if (done < total && performance.now() - lastPost < 100) return;
        lastPost = performance.now();
        post({ type: 'progress', phase: 'inserting', done, total });
      },
    });
    // Long messages were queued for the search index: written here too, in the same slices.
    while (!cancelled() && indexPendingSlice(db, input.sliceMs))
      await new Promise((resolve) => setTimeout(resolve, input.pauseMs));
    post({ type: 'done', report });
  } finally {
    db.close();
  }
}

run().catch((error: unknown) => post(describe(error)));
