/**
 * Time under the test's control: `now()` and `setTimer` for the chat service, `sleep` for the
 * scripted relay. `runUntil` fires timers in time order, letting promise chains settle between them.
 */
export class FakeClock {
  private t = 0;
  private nextId = 0;
  private timers: { at: number; id: number; fn: () => void }[] = [];

  readonly now = (): number => this.t;

  readonly setTimer = (fn: () => void, ms: number): (() => void) => {
    const timer = { at: this.t + Math.max(0, ms), id: this.nextId++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  };

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(resolve, ms));
  }

  /** Moves time on by `ms`, firing the timers due meanwhile in time order (synchronously). */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Runs until `done()` holds. Real waits only when nothing is scheduled (a module loading, say). */
  async runUntil(done: () => boolean, onStep?: (now: number) => void): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      await settle();
      if (done()) return;
      const next = this.timers.sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (next) {
        this.timers.shift();
        this.t = Math.max(this.t, next.at);
        next.fn();
        onStep?.(this.t);
      } else {
        if (Date.now() > deadline)
          throw new Error('runUntil: nothing scheduled and the condition never held');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  }
}

/** Lets every queued promise continuation run (a macrotask boundary drains the microtask queue). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
