import type { AttemptControl } from './attempt-control';
import { errorFromFetchFailure } from './network-errors';
import type { FleeceError } from '../errors/FleeceError';

type ReadResult = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;

/** A timer this much late means the process itself was busy (a long task), not the relay silent. */
const LATE_MS = 50;

/**
 * Reads a response body chunk by chunk under an idle timeout. One timer per body, re-armed lazily:
 * a read only stamps the clock, so the per-chunk cost stays a `performance.now()` call.
 */
export class BodyReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private readonly idleMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading = false;
  private readStartedAt = 0;
  private finished = false;
  /** When the pending timer should fire, to measure how late it ran. */
  private dueAt = 0;
  /** Time the event loop was blocked while waiting, summed; bytes sit unread in the socket then. */
  private busyMs = 0;
  private busyAtReadStart = 0;

  constructor(
    body: ReadableStream<Uint8Array> | null,
    private readonly control: AttemptControl,
    idleMs: number,
    private readonly url: string,
  ) {
    this.idleMs = idleMs;
    this.reader = body?.getReader();
    // A fetch that ignores the abort signal still gets its pending read resolved by cancel().
    control.onStop(() => this.cancel());
    if (this.reader !== undefined) this.arm(idleMs);
  }

  /** Next chunk, or undefined at the end. Throws FleeceError on stop or a broken connection. */
  async read(): Promise<Uint8Array | undefined> {
    if (this.reader === undefined || this.finished) {
      if (this.control.reason !== undefined) throw this.control.error();
      return undefined;
    }
    let result: ReadResult;
    try {
      result = await this.readRaw();
    } catch (error) {
      throw this.failure(error);
    }
    return this.settle(result);
  }

  /**
   * The hot path's read: the underlying promise itself (no extra async layer per chunk). Pass the
   * result to `settle`, or a rejection to `failure`. Only call while `active`.
   */
  readRaw(): Promise<ReadResult> {
    this.reading = true;
    this.readStartedAt = performance.now();
    this.busyAtReadStart = this.busyMs;
    return (this.reader as ReadableStreamDefaultReader<Uint8Array>).read();
  }

  get active(): boolean {
    return this.reader !== undefined && !this.finished;
  }

  /** The chunk of a completed `readRaw`, undefined at the end; throws if we were stopped meanwhile. */
  settle(result: ReadResult): Uint8Array | undefined {
    this.reading = false;
    if (this.control.reason !== undefined) throw this.control.error();
    if (result.done) {
      this.close();
      return undefined;
    }
    return result.value;
  }

  /** The error for a rejected `readRaw`: our own stop, or the connection breaking. */
  failure(error: unknown): FleeceError {
    this.reading = false;
    this.close();
    if (this.control.reason !== undefined) return this.control.error();
    return errorFromFetchFailure(error, this.url);
  }

  /** Stop reading and release the connection (the fetch implementation closes the socket). */
  cancel(): void {
    if (this.finished) return;
    this.close();
    this.reader?.cancel().catch(() => undefined);
  }

  private close(): void {
    this.finished = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    this.dueAt = performance.now() + ms;
    this.timer = setTimeout(() => this.check(), ms);
  }

  private check(): void {
    this.timer = undefined;
    if (this.finished) return;
    const now = performance.now();
    const late = now - this.dueAt;
    if (late > LATE_MS) {
      // The loop was blocked: what the relay sent meanwhile waits in the socket, and timers run
      // before I/O. Do not count that time, and look again once pending reads were delivered.
      this.busyMs += late;
      return this.arm(1);
    }
    // Not reading means the consumer is slow, which is not the relay's fault: wait another period.
    if (!this.reading) return this.arm(this.idleMs);
    const waited = now - this.readStartedAt - (this.busyMs - this.busyAtReadStart);
    if (waited >= this.idleMs) this.control.stop('timeout_idle');
    else this.arm(Math.max(1, this.idleMs - waited));
  }
}

/** Whole body as text, at most `limit` bytes (error pages can be large; we need a sentence). */
export async function readText(reader: BodyReader, limit: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let chunk = await reader.read(); chunk !== undefined; chunk = await reader.read()) {
    text += decoder.decode(chunk, { stream: true });
    size += chunk.byteLength;
    if (size >= limit) {
      reader.cancel();
      return text;
    }
  }
  return text + decoder.decode();
}
