import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs a TypeScript snippet as the unprivileged user `nobody` (setpriv), so permissions really
 * apply — root ignores them. Node lives under /root here (unreadable to others), so a copy of
 * the binary is made in a shared place once. Throws (fails the test) if the switch is impossible.
 */
export function runAsNobody(script: string, cwd: string): string {
  const dir = join(tmpdir(), `fleece-node-${process.version}`);
  const node = join(dir, 'node');
  if (!existsSync(node)) {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    copyFileSync(process.execPath, `${node}.tmp`);
    chmodSync(`${node}.tmp`, 0o755);
    execFileSync('mv', [`${node}.tmp`, node]);
  }
  chmodSync(dir, 0o755);
  return execFileSync(
    'setpriv',
    [
      '--reuid=nobody',
      '--regid=nogroup',
      '--clear-groups',
      node,
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ],
    { cwd, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/tmp' } },
  );
}
