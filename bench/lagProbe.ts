/** Event-loop stalls of the main thread, for the benchmarks (see stall.bench.ts for why). */
import { PerformanceObserver } from 'node:perf_hooks';

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

  /** Garbage-collection pauses of this thread (V8's, not the app's code). */
  private readonly pauses: { start: number; end: number }[] = [];
  private readonly gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      this.pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });

  constructor() {
    this.gc.observe({ entryTypes: ['gc'] });
  }

  /** Longest garbage-collection pause overlapping [from, to], in ms. */
  longestGc(from: number, to: number): number {
    let longest = 0;
    for (const p of this.pauses)
      if (p.end >= from && p.start <= to) longest = Math.max(longest, p.end - p.start);
    return longest;
  }

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
    this.gc.disconnect();
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
