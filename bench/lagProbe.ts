/** Event-loop stalls of the main thread, for the benchmarks (see stall.bench.ts for why). */

const TICK_MS = 2;

/**
 * Late ticks of a short interval: each one a stall of the event loop. Wall time alone also counts
 * time the OS gave the CPU to another process (this machine may be shared), so each stall also
 * records the main thread's own CPU time over it: a task is as long as the smaller of the two.
 */
export class LagProbe {
  private readonly stalls: { start: number; end: number; cpuMs: number }[] = [];
  private last = performance.now();
  private lastCpu = threadCpuMs();
  private readonly timer = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuMs();
    if (now - this.last > 2 * TICK_MS)
      this.stalls.push({ start: this.last, end: now, cpuMs: cpu - this.lastCpu });
    this.last = now;
    this.lastCpu = cpu;
  }, TICK_MS);

  /** Longest stall overlapping [from, to], in ms beyond the tick: by the wall clock, and busy. */
  longest(from: number, to: number): Stall {
    let wall = 0;
    let busy = 0;
    for (const s of this.stalls) {
      if (s.end < from || s.start > to) continue;
      const lag = s.end - s.start - TICK_MS;
      wall = Math.max(wall, lag);
      busy = Math.max(busy, Math.min(lag, s.cpuMs));
    }
    return { wall, busy };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

export interface Stall {
  wall: number;
  busy: number;
}
