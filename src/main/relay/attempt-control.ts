import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { abortedError } from './relay-error';

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
  private rejectStopped: ((error: FleeceError) => void) | undefined;
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
  error(): FleeceError {
    switch (this.reason) {
      case 'timeout_connect':
        return new FleeceError('timeout_connect', {
          text: 'relay_connect_timeout',
          params: { seconds: seconds(this.timeouts.connectMs) },
          hint: coded('hint_connect_timeout'),
        });
      case 'timeout_first_byte':
        return new FleeceError('timeout_first_byte', {
          text: 'relay_first_byte_timeout',
          params: { seconds: seconds(this.timeouts.firstByteMs ?? 0) },
          hint: coded('hint_not_resent_busy'),
        });
      case 'timeout_idle':
        return new FleeceError('timeout_idle', {
          text: 'relay_idle_timeout',
          params: { seconds: seconds(this.timeouts.idleMs) },
          hint: coded('hint_continue'),
        });
      default:
        return abortedError();
    }
  }

  dispose(): void {
    this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }
}

/** A number for the sentence; the renderer writes the unit in the user's language. */
function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
