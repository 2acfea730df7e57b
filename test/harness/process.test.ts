import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('harness process', () => {
  it('stops when the process that started it is killed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleece-harness-parent-'));
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'startAndWait.ts'), dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const pid = await new Promise<number>((ok, ko) => {
      const timer = setTimeout(() => ko(new Error(`no harness started:\n${output}`)), 30_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const m = /harness pid (\d+)/.exec(output);
        if (m?.[1]) {
          clearTimeout(timer);
          ok(Number(m[1]));
        }
      };
      parent.stdout.on('data', onData);
      parent.stderr.on('data', onData);
    });
    expect(alive(pid)).toBe(true);
    // Killed outright: the parent runs no clean-up of its own.
    parent.kill('SIGKILL');
    const deadline = Date.now() + 15_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const survived = alive(pid);
    if (survived) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    expect(survived).toBe(false);
  }, 60_000);
});
