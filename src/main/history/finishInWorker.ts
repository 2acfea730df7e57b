import { Worker } from 'node:worker_threads';
import { isCode } from '../../shared/codes';
import { FleeceError } from '../errors/FleeceError';
import { encodeInSlices } from '../text/encodeInSlices';
import type { MessageOutcome } from './messageRepository';
import { workerEntry } from './workerEntry';
import { WorkerRequests } from '../workers/workerRequests';

export interface FinishWorkerData {
  dbPath: string;
}

/** A text as UTF-8 in a transferred buffer: posting a string would copy it in one task. */
interface Utf8 {
  buffer: ArrayBuffer;
  length: number;
}

export interface FinishRequest {
  requestId: number;
  id: string;
  outcome: Omit<MessageOutcome, 'content' | 'reasoning'>;
  content: Utf8;
  reasoning: Utf8;
  now: number;
}

export type FinishReply =
  | { requestId: number; ok: true }
  | { requestId: number; ok: false; name: string; code: string | null; message: string };

function toError(reply: Extract<FinishReply, { ok: false }>): Error {
  if (reply.name === 'FleeceError' && isCode(reply.code)) return new FleeceError(reply.code);
  // SQLite's code (SQLITE_FULL…) is kept: a refused write is then told apart from a bug.
  return Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
}

async function utf8(text: string): Promise<Utf8> {
  const bytes = await encodeInSlices(text);
  return { buffer: bytes.buffer as ArrayBuffer, length: bytes.byteLength };
}

/**
 * One long-lived worker thread with its own connection that records finished long answers
 * (finishWorker.ts). The main thread only encodes the text, in slices, and hands the bytes
 * over; it holds the process open only while a write is pending.
 */
export class FinishWriter {
  private readonly requests: WorkerRequests<void>;

  constructor(dbPath: string) {
    this.requests = new WorkerRequests<void>({
      name: 'history writer',
      spawn: () => {
        const entry = workerEntry('finishWorker');
        const data: FinishWorkerData = { dbPath };
        return new Worker(entry.file, {
          workerData: data,
          ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
        });
      },
      read: (message) => {
        const reply = message as FinishReply;
        return reply.ok
          ? { id: reply.requestId, ok: true, value: undefined }
          : { id: reply.requestId, ok: false, error: toError(reply) };
      },
    });
  }

  /** Writes the final record of message `id` (the texts in `outcome`) in the worker's transaction. */
  async finish(id: string, outcome: MessageOutcome, now: number): Promise<void> {
    const { content = '', reasoning = '', ...rest } = outcome;
    const texts = { content: await utf8(content), reasoning: await utf8(reasoning) };
    await this.requests.request((requestId) => {
      const request: FinishRequest = { requestId, id, outcome: rest, ...texts, now };
      return { message: request, transfer: [texts.content.buffer, texts.reasoning.buffer] };
    });
  }

  /** Ends the worker (the store closes, or its file is replaced); a later write starts a new one. */
  close(): void {
    void this.requests.close(new Error('history writer closed'));
  }
}
