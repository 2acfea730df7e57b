import { Worker } from 'node:worker_threads';
import { isCode } from '../../shared/codes';
import { FleeceError } from '../errors/FleeceError';
import { encodeInSlices } from '../text/encodeInSlices';
import type { MessageOutcome } from './messageRepository';
import { workerEntry } from './workerEntry';

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
  private worker: Worker | undefined;
  private readonly pending = new Map<
    number,
    { resolve: () => void; reject: (error: Error) => void }
  >();
  private nextId = 1;

  constructor(private readonly dbPath: string) {}

  /** Writes the final record of message `id` (the texts in `outcome`) in the worker's transaction. */
  async finish(id: string, outcome: MessageOutcome, now: number): Promise<void> {
    const { content = '', reasoning = '', ...rest } = outcome;
    const request: FinishRequest = {
      requestId: this.nextId++,
      id,
      outcome: rest,
      content: await utf8(content),
      reasoning: await utf8(reasoning),
      now,
    };
    const worker = this.worker ?? this.start();
    await new Promise<void>((resolve, reject) => {
      this.pending.set(request.requestId, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage(request, [request.content.buffer, request.reasoning.buffer]);
    });
  }

  /** Ends the worker (the store closes, or its file is replaced); a later write starts a new one. */
  close(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('history writer closed'));
    void worker?.terminate();
  }

  private start(): Worker {
    const entry = workerEntry('finishWorker');
    const data: FinishWorkerData = { dbPath: this.dbPath };
    const worker = new Worker(entry.file, {
      workerData: data,
      ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    });
    worker.unref();
    worker.on('message', (reply: FinishReply) => {
      const waiting = this.pending.get(reply.requestId);
      if (!waiting) return;
      this.pending.delete(reply.requestId);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve();
      else waiting.reject(toError(reply));
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`history writer exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(error);
  }
}
