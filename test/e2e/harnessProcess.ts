import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface HarnessProcess {
  url: string;
  dataDir: string;
  /** The harness process (the stand-in for Electron main), e.g. to read its memory. */
  readonly pid: number | undefined;
  /** Stops the harness (SIGTERM) and starts it again on the same data directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function launch(dataDir: string, secrets: string, env: NodeJS.ProcessEnv) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'test/harness/cli.ts'),
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--secrets',
      secrets,
    ],
    // The IPC channel is how the harness learns that the process which started it is gone (a
    // test run or benchmark killed before it could stop it): the channel closes and the harness
    // stops (test/harness/cli.ts) instead of serving on with nobody to stop it.
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  // The channel alone does not keep this process running.
  child.channel?.unref();
  let output = '';
  const url = await new Promise<string>((ok, ko) => {
    const timer = setTimeout(() => ko(new Error(`harness did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /Fleece harness: (http:\/\/127\.0\.0\.1:\d+\/\?key=[0-9a-f]+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      ko(new Error(`harness exited with ${code}:\n${output}`));
    });
  });
  return { child, url };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
}

export async function startHarnessProcess(
  opts: {
    secrets?: 'memory' | 'keychain';
    env?: NodeJS.ProcessEnv;
    dataDir?: string;
    /** Let a model write titles (the app's default). Off otherwise: a spec's relay script is
     * consumed by the answers it enqueues, and its conversations keep the titles it types. */
    autoTitles?: boolean;
  } = {},
): Promise<HarnessProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'fleece-e2e-'));
  const settingsFile = join(dataDir, 'settings.json');
  if (!opts.autoTitles && !existsSync(settingsFile)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(settingsFile, JSON.stringify({ version: 1, preferences: { autoTitles: false } }));
  }
  const secrets = opts.secrets ?? 'memory';
  const env = { ...process.env, ...opts.env };
  let current = await launch(dataDir, secrets, env);
  const handle: HarnessProcess = {
    url: current.url,
    dataDir,
    get pid() {
      return current.child.pid;
    },
    async restart() {
      await stopChild(current.child);
      current = await launch(dataDir, secrets, env);
      handle.url = current.url;
    },
    async stop() {
      await stopChild(current.child);
    },
  };
  return handle;
}
