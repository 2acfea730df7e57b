/**
 * Worker-thread entry (its own bundle, see electron.vite.config.ts): extracts the text of a PDF
 * with unpdf (Mozilla's pdf.js, built for servers), so a large or hostile PDF never blocks the
 * main process. Replies once: the text, or why there is none.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractText, getDocumentProxy } from 'unpdf';
import type { PdfWorkerReply } from './pdfText';

const input = workerData as { bytes: Uint8Array };

async function run(): Promise<PdfWorkerReply> {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(input.bytes), { verbosity: 0 });
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    return { ok: true, text: text.trim(), pages: totalPages };
  } catch (error) {
    const name = (error as { name?: string } | null)?.name ?? '';
    return { ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'broken' };
  }
}

void run().then((reply) => parentPort?.postMessage(reply));
