/**
 * Worker-thread entry (its own bundle, see electron.vite.config.ts): reads, checks and inserts an
 * import, so a large file never blocks the main process. A Fleece export is streamed from the
 * file main's dialog chose and never held whole in memory; another app's file (ChatGPT, Chatbox,
 * Cherry Studio, a Cherry Studio Markdown export) is parsed whole and converted to an export.
 * Inserts go in short transactions with a pause after each: the app's own writes (a streaming
 * answer) wait at most one slice for the file's write lock, and SQLite's busy wait blocks the
 * main thread meanwhile.
 */
import { readFile, stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { ImportPreview } from '../../shared/types/history';
import { FleeceError, isFleeceError } from '../errors/FleeceError';
import {
  attachmentRestorer,
  insertConversationsSliced,
  insertExportSliced,
  validateAttachment,
  validateExport,
} from './importHistory';
import { readExportFile } from './importFile';
import { convertForeign, convertMarkdown, previewOf } from './imports/detect';
import { indexPendingSlice } from './searchIndex';
import type { ImportWorkerData, ImportWorkerMessage } from './importInWorker';

const MB = 1024 * 1024;
/** The largest file read (the same bound the route once had on the text it carried). */
const IMPORT_MAX_BYTES = 512 * MB;

const input = workerData as ImportWorkerData;
const cancelFlag = new Int32Array(input.cancel);
const post = (m: ImportWorkerMessage): void => parentPort?.postMessage(m);
const cancelled = (): boolean => Atomics.load(cancelFlag, 0) === 1;

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

/** What the insert step needs: a stream of the export's batches, or another app's file converted. */
type Plan =
  | { kind: 'fleece'; total: number; files: number; preview: ImportPreview }
  | { kind: 'foreign'; valid: ReturnType<typeof validateExport>; preview: ImportPreview };

/**
 * First pass over a Fleece export: the whole file is checked (and counted) before anything is
 * written, as when it was parsed whole; the second pass writes. Neither holds the file. A file
 * that fails before its first conversation may be another app's: it is read as one.
 */
async function plan(file: string, mtimeMs: number): Promise<Plan | null> {
  const preview: ImportPreview = {
    source: 'fleece',
    conversations: 0,
    messages: 0,
    firstAt: null,
    lastAt: null,
    skipped: [],
  };
  try {
    let files = 0;
    const onAttachment = (value: unknown, index: number) => {
      validateAttachment(value, index);
      files += 1;
    };
    for await (const batch of readExportFile(file, { onAttachment })) {
      for (const c of batch) {
        preview.conversations += 1;
        for (const m of c.messages) {
          preview.messages += 1;
          if (preview.firstAt === null || m.createdAt < preview.firstAt)
            preview.firstAt = m.createdAt;
          if (preview.lastAt === null || m.createdAt > preview.lastAt) preview.lastAt = m.createdAt;
        }
      }
      if (cancelled()) return null;
    }
    return { kind: 'fleece', total: preview.conversations, files, preview };
  } catch (error) {
    if (preview.conversations > 0) throw error;
    const foreign = await readForeign(file, mtimeMs);
    if (!foreign) throw error;
    return foreign;
  }
}

/** Another app's file converted to an export, or null when it is none of the known formats. */
async function readForeign(file: string, mtimeMs: number): Promise<Plan | null> {
  const text = await readFile(file, 'utf8');
  let data: unknown;
  let markdown: ReturnType<typeof convertMarkdown> = null;
  try {
    data = JSON.parse(text);
  } catch {
    markdown = convertMarkdown(text, Math.round(mtimeMs));
    if (!markdown) throw new FleeceError('bad_import', { text: 'import_not_json' });
  }
  const { data: converted, converted: info } = markdown ?? convertForeign(data, Date.now());
  if (!info) return null;
  const valid = validateExport(converted);
  return {
    kind: 'foreign',
    valid,
    preview: previewOf(info.source, valid.conversations, info.skipped),
  };
}

async function run(): Promise<void> {
  post({ type: 'progress', phase: 'reading', done: 0, total: 0 });
  const { size, mtimeMs } = await stat(input.file);
  if (size > IMPORT_MAX_BYTES) {
    const details = { sizeMb: Math.ceil(size / MB), limitMb: IMPORT_MAX_BYTES / MB };
    throw new FleeceError('import_too_large', { params: details, details });
  }
  post({ type: 'progress', phase: 'checking', done: 0, total: 0 });
  const planned = await plan(input.file, mtimeMs);
  if (!planned || cancelled()) return post({ type: 'done', report: null });
  const { source, skipped } = planned.preview;
  if (input.confirm) {
    post({ type: 'preview', preview: planned.preview });
    // Nothing is written until the user says go or cancel (the cancel flag is set before).
    await new Promise((resolve) => parentPort?.once('message', resolve));
  }
  if (cancelled()) return post({ type: 'done', report: null });
  const db = new Database(input.dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    let lastPost = 0;
    const attachmentsDir = join(dirname(input.dbPath), 'attachments');
    const options = {
      attachmentsDir,
      sliceMs: input.sliceMs,
      pauseMs: input.pauseMs,
      cancelled,
      onProgress: (done: number, total: number) => {
        // At most ten a second: each one crosses to the window.
        if (done < total && performance.now() - lastPost < 100) return;
        lastPost = performance.now();
        post({ type: 'progress', phase: 'inserting', done, total });
      },
    };
    if (planned.kind === 'fleece' && planned.files > 0) {
      // The files follow the conversations in the file: restored first, so messages link to them.
      const onAttachment = attachmentRestorer(db, attachmentsDir);
      for await (const _ of readExportFile(input.file, { onAttachment }))
        if (cancelled()) return post({ type: 'done', report: null });
    }
    const report =
      planned.kind === 'fleece'
        ? await insertConversationsSliced(db, readExportFile(input.file), planned.total, options)
        : await insertExportSliced(db, planned.valid, options);
    // Long messages were queued for the search index: written here too, in the same slices.
    while (!cancelled() && indexPendingSlice(db, input.sliceMs))
      await new Promise((resolve) => setTimeout(resolve, input.pauseMs));
    post({ type: 'done', report: { ...report, source, skipped } });
  } finally {
    db.close();
  }
}

run().catch((error: unknown) => post(describe(error)));
