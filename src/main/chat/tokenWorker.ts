import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { WorkerRequests } from '../workers/workerRequests';

export { encodeInSlices } from '../text/encodeInSlices';

/**
 * Plain JS evaluated in the worker: no bundling or TS loader needed, in Electron or in Node.
 *
 * BPE cost grows with the square of a pre-token's length, and Chinese or other unspaced text is
 * one long pre-token: 30,000 characters took seconds. Counting pieces of at most PIECE characters
 * makes it linear; a piece ends before a nearby space or line break so words stay whole (the
 * count then matches the whole-text count on spaced text, and is within ~1% on unspaced text).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { countTokens } = require(workerData.modulePath);
const PIECE = ${256};
const LOOKBACK = ${48};
function count(text) {
  let total = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE);
    if (end < text.length) {
      for (let i = end; i > end - LOOKBACK && i > start + 1; i--) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 10 || c === 9 || c === 13) { end = i; break; }
      }
      const last = text.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    }
    total += countTokens(text.slice(start, end));
    start = end;
  }
  return total;
}
const decoder = new TextDecoder();
parentPort.on('message', (request) => {
  try {
    const text = decoder.decode(new Uint8Array(request.buffer, 0, request.length));
    parentPort.postMessage({ id: request.id, count: count(text) });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: String((error && error.message) || error) });
  }
});
`;

/**
 * One long-lived worker thread that counts tokens (o200k_base, gpt-tokenizer). The text comes as
 * UTF-8 in a transferred buffer: posting a string would copy it in one task (tens of ms per MB).
 * It holds the process open only while a count is pending.
 */
export class TokenWorker {
  private readonly requests = new WorkerRequests<number>({
    name: 'token worker',
    spawn: () => {
      // The CommonJS main bundle has __filename; ESM (vitest, tsx) has import.meta.url.
      const base = typeof __filename === 'string' ? __filename : import.meta.url;
      const modulePath = createRequire(base).resolve('gpt-tokenizer');
      return new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath } });
    },
    read: (message) => {
      const reply = message as { id: number; count?: number; error?: string };
      return typeof reply.count === 'number'
        ? { id: reply.id, ok: true, value: reply.count }
        : {
            id: reply.id,
            ok: false,
            error: new Error(`token count failed: ${reply.error ?? 'unknown'}`),
          };
    },
  });

  /** Tokens in the UTF-8 text `bytes` (its buffer is handed over: do not use it afterwards). */
  count(bytes: Uint8Array): Promise<number> {
    const buffer = bytes.buffer as ArrayBuffer;
    return this.requests.request((id) => ({
      message: { id, buffer, length: bytes.byteLength },
      transfer: [buffer],
    }));
  }

  async dispose(): Promise<void> {
    await this.requests.close(new Error('token counter closed'));
  }
}
