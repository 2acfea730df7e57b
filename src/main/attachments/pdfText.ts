import { Worker } from 'node:worker_threads';
import { workerEntry } from '../history/workerEntry';

export type PdfWorkerReply =
  { ok: true; text: string; pages: number } | { ok: false; reason: 'encrypted' | 'broken' };

/** A PDF that takes longer than this to read is treated as broken (a hostile file can loop). */
const PDF_TIMEOUT_MS = 60_000;

/** The text layer of a PDF, read in a worker thread. `text` is '' for a scan without one. */
export function pdfText(bytes: Uint8Array): Promise<PdfWorkerReply> {
  const entry = workerEntry('pdfWorker', import.meta.url);
  const worker = new Worker(entry.file, {
    workerData: { bytes },
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
  });
  return new Promise<PdfWorkerReply>((resolve) => {
    const timer = setTimeout(() => finish({ ok: false, reason: 'broken' }), PDF_TIMEOUT_MS);
    const finish = (reply: PdfWorkerReply): void => {
      clearTimeout(timer);
      resolve(reply);
      void worker.terminate();
    };
    worker.once('message', (m: PdfWorkerReply) => finish(m));
    worker.once('error', () => finish({ ok: false, reason: 'broken' }));
    worker.once('exit', () => finish({ ok: false, reason: 'broken' }));
  });
}
