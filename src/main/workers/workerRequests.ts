import type { Worker } from 'node:worker_threads';

/** What a worker's reply settles: the request it answers, and its value or its error. */
export type WorkerReply<T> = { id: number } & (
  { ok: true; value: T } | { ok: false; error: Error }
);

/**
 * Requests to one long-lived worker thread, matched to their replies by id. The worker starts
 * with the first request and again after it died; it holds the process open only while a
 * request is pending. If it dies, every pending request fails with the reason.
 */
export class WorkerRequests<T> {
  private worker: Worker | undefined;
  private readonly pending = new Map<
    number,
    { resolve: (value: T) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;

  constructor(
    private readonly options: {
      spawn: () => Worker;
      /** The reply a message from the worker carries; null when it is no reply. */
      read: (message: unknown) => WorkerReply<T> | null;
      /** Says which worker stopped, in the error pending requests fail with. */
      name: string;
    },
  ) {}

  /** Posts `build(id)`'s message (transferring `transfer`) and resolves with the reply to it. */
  request(build: (id: number) => { message: unknown; transfer?: ArrayBuffer[] }): Promise<T> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const { message, transfer } = build(id);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage(message, transfer ?? []);
    });
  }

  /** Ends the worker; pending requests fail with `error`. A later request starts a new one. */
  close(error: Error): Promise<number> | undefined {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(error);
    return worker?.terminate();
  }

  private start(): Worker {
    const worker = this.options.spawn();
    worker.unref();
    worker.on('message', (message: unknown) => {
      const reply = this.options.read(message);
      const waiting = reply ? this.pending.get(reply.id) : undefined;
      if (!reply || !waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(reply.error);
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`${this.options.name} exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(error);
  }
}
