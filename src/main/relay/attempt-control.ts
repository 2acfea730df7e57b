import { RelayError } from './relay-error';

export type StopReason = 'aborted' | 'timeout_connect' | 'timeout_first_byte' | 'timeout_idle';

/**
 * Abort plumbing for one HTTP exchange: the caller's signal and our own timeouts all abort the same
 * controller (so the fetch implementation closes the socket), and we remember *why* so the error
 * says "timed out" rather than "aborted".
 */
export class AttemptControl {
  readonly controller = new AbortController();
  reason: StopReason | undefined;
  private readonly userSignal: AbortSignal | undefined;
  private readonly onUserAbort = (): void => this.stop('aborted');
  private stoppedPromise: Promise<never> | undefined;
  private rejectStopped: ((error: RelayError) => void) | undefined;
  private readonly stopListeners: (() => void)[] = [];

  constructor(
    userSignal: AbortSignal | undefined,
    private readonly timeouts: { connectMs: number; idleMs: number; firstByteMs?: number },
  ) {
    this.userSignal = userSignal;
    if (userSignal?.aborted) this.stop('aborted');
    else userSignal?.addEventListener('abort', this.onUserAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(reason: StopReason): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.controller.abort();
    for (const listener of this.stopListeners) listener();
    this.rejectStopped?.(this.error());
  }

  onStop(listener: () => void): void {
    this.stopListeners.push(listener);
  }

  /** Rejects once stopped: raced against fetches that may ignore the signal (injected fakes). */
  get stopped(): Promise<never> {
    if (this.stoppedPromise === undefined) {
      this.stoppedPromise = new Promise<never>((_, reject) => {
        this.rejectStopped = reject;
      });
      this.stoppedPromise.catch(() => undefined);
      if (this.reason !== undefined) this.rejectStopped?.(this.error());
    }
    return this.stoppedPromise;
  }

  /** The error matching the stop reason. Call only after `reason` is set. */
  error(): RelayError {
    switch (this.reason) {
      case 'timeout_connect':
        return new RelayError(
          'timeout_connect',
          `The relay did not answer within ${seconds(this.timeouts.connectMs)}.`,
          {
            hint: 'Check your connection, proxy or VPN. A slow relay may need a longer connect timeout.',
          },
        );
      case 'timeout_first_byte':
        return new RelayError(
          'timeout_first_byte',
          `The relay took the request but did not start answering within ${seconds(this.timeouts.firstByteMs ?? 0)}.`,
          {
            hint: 'The request was not sent again, so it is not billed twice. Busy relays can be slow to start; try again in a moment.',
          },
        );
      case 'timeout_idle':
        return new RelayError(
          'timeout_idle',
          `The relay stopped sending for ${seconds(this.timeouts.idleMs)}.`,
          {
            hint: 'The answer so far is kept; use Continue to ask for the rest.',
          },
        );
      default:
        return new RelayError('aborted', 'Stopped.');
    }
  }

  dispose(): void {
    this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
