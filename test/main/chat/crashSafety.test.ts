import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../src/main/history/HistoryStore';
import { crashAnswer } from './crashScript';

const ROOT = resolve(__dirname, '../../..');
const CHILD = join(__dirname, 'crashChild.ts');
const ROUNDS = 50;

interface Child {
  process: ChildProcess;
  booted: Promise<void>;
  firstCheckpoint: Promise<void>;
  /** Resolves once the child is gone and all it printed has been read. */
  closed: Promise<{ messageId: string; lastCheckpoint: number }>;
}

/**
 * The child bundled once to plain JS (esbuild, which tsx already brings): starting it costs
 * ~0.15 s of CPU instead of ~0.6 s through the tsx loader, which matters 50 times on 2 cores.
 * Without esbuild the test still runs every round, through tsx.
 */
async function childCommand(outDir: string): Promise<string[]> {
  try {
    const esbuild = await import('esbuild');
    const outfile = join(outDir, 'crashChild.cjs');
    await esbuild.build({
      entryPoints: [CHILD],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'error',
    });
    return [outfile];
  } catch (error) {
    console.warn('crash test: esbuild unavailable, children run through tsx', error);
    return ['--import', 'tsx', CHILD];
  }
}

let command: string[] = [];

function spawnChild(dataDir: string): Child {
  const child = spawn(process.execPath, [...command, dataDir], {
    cwd: ROOT,
    // The bundle lives in a temp dir; its external packages resolve from the project.
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let messageId = '';
  let lastCheckpoint = 0;
  let onBoot: () => void = () => undefined;
  let onCheckpoint: () => void = () => undefined;
  const booted = new Promise<void>((r) => (onBoot = r));
  const firstCheckpoint = new Promise<void>((r) => (onCheckpoint = r));
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    const [word, value = ''] = line.split(' ');
    if (word === 'booted') onBoot();
    if (word === 'started') messageId = value;
    if (word === 'checkpoint') {
      lastCheckpoint = Math.max(lastCheckpoint, Number(value));
      onCheckpoint();
    }
  });
  const closed = new Promise<{ messageId: string; lastCheckpoint: number }>((r) =>
    lines.once('close', () => r({ messageId, lastCheckpoint })),
  );
  return { process: child, booted, firstCheckpoint, closed };
}

describe('crash safety', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleece-crash-'));
  const spawned: Child[] = [];
  beforeAll(async () => {
    command = await childCommand(dataDir);
  });
  afterAll(() => {
    for (const c of spawned) c.process.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps the file sound and the partial answer up to its last checkpoint across ${ROUNDS} SIGKILLs`, async () => {
    // Two children boot ahead while a round streams (they touch the file only after "go"),
    // so the ~0.4 s tsx start-up is mostly hidden.
    const warm = [spawnChild(dataDir), spawnChild(dataDir)];
    spawned.push(...warm);
    const kept: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const child = warm.shift()!;
      if (round + warm.length < ROUNDS) {
        const booting = spawnChild(dataDir);
        warm.push(booting);
        spawned.push(booting);
      }
      await child.booted;
      child.process.stdin!.write(`go ${round}\n`);
      await child.firstCheckpoint;
      // Anywhere from right after the first checkpoint to past the second.
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      child.process.kill('SIGKILL');
      const { messageId, lastCheckpoint } = await child.closed;
      expect(messageId).not.toBe('');

      const { store, notices, interruptedCount } = await HistoryStore.open({ dataDir });
      try {
        expect(notices).toEqual([]); // the whole-file check at open passed: nothing moved aside
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(interruptedCount).toBe(1);
        const message = store.getMessage(messageId);
        expect(message?.status).toBe('interrupted');
        const content = message?.content ?? '';
        expect(content.length).toBeGreaterThanOrEqual(lastCheckpoint);
        expect(crashAnswer(round).startsWith(content)).toBe(true);
        kept.push(content.length);
      } finally {
        store.close();
      }
    }
    expect(kept).toHaveLength(ROUNDS);
    expect(kept.every((n) => n > 0)).toBe(true);
  }, 120_000);
});
