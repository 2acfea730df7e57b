import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Code, CodedText } from '../../../src/shared/codes';

const repoRoot = resolve(__dirname, '../../..');
// Needs dbus-run-session and gnome-keyring-daemon (installed wherever the keychain tests run).
const child = join(__dirname, 'fixtures', 'no-keychain-child.ts');
const KEY = 'hsa-nokeychain-test-7f3e9a';
const temps: string[] = [];

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `fleece-${label}-`));
  temps.push(dir);
  return dir;
}

/** The environment minus every way to reach a D-Bus session or a display (and so a prompt). */
function envWithoutSession(
  runtimeDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, XDG_RUNTIME_DIR: runtimeDir };
  for (const name of [
    'DBUS_SESSION_BUS_ADDRESS',
    'DISPLAY',
    'WAYLAND_DISPLAY',
    'GNOME_KEYRING_CONTROL',
  ])
    delete env[name];
  return env;
}

interface ChildReport {
  backend: string;
  reason: CodedText | null;
  status: { hasKey: boolean; masked: string; backend: string; unavailableReason?: CodedText };
  keyReadBack: boolean;
  keyOnDisk: boolean;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

function parseReport(result: { code: number | null; stdout: string; stderr: string }): ChildReport {
  expect(result.code, `child failed:\n${result.stderr}`).toBe(0);
  const line = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildReport;
}

function expectSessionFallback(report: ChildReport, reason: Code): void {
  expect(report.backend).toBe('session');
  expect(report.reason?.code).toBe(reason);
  // The system's own words ride along, for the user to search or report.
  expect(report.reason?.params?.['detail']).toEqual(expect.any(String));
  expect(report.status).toMatchObject({ hasKey: true, masked: 'hsa-…3e9a', backend: 'session' });
  expect(report.status.unavailableReason).toEqual(report.reason);
  expect(report.keyReadBack).toBe(true);
  expect(report.keyOnDisk).toBe(false);
}

describe('no usable keychain', () => {
  it('without D-Bus: starts on the session store with a plain reason, keeps the key in memory only', async () => {
    const dataDir = await tempDir('data');
    const runtimeDir = await tempDir('runtime');
    const result = await run(
      process.execPath,
      ['--import', 'tsx', child, dataDir, 'Fleece-test-nodbus', KEY],
      envWithoutSession(runtimeDir),
    );
    expectSessionFallback(parseReport(result), 'keychain_no_dbus');
  });

  it('with a locked keyring that cannot be unlocked: session store, reason says locked', async () => {
    const home = await tempDir('locked-home');
    const dataDir = await tempDir('data');
    const runtimeDir = join(home, 'run');
    await mkdir(runtimeDir, { recursive: true, mode: 0o700 });
    const env = envWithoutSession(runtimeDir, {
      HOME: home,
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_CONFIG_HOME: join(home, '.config'),
      FLEECE_PROBE_TIMEOUT_MS: '8000',
    });
    const locked = await run(
      join(__dirname, 'fixtures', 'locked-keyring.sh'),
      [process.execPath, '--import', 'tsx', child, dataDir, 'Fleece-test-locked', KEY],
      env,
    );
    expectSessionFallback(parseReport(locked), 'keychain_locked');
  });
});
