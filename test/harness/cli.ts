import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'data-dir': { type: 'string' },
    // A test tool: keys stay in memory unless the OS keychain is asked for explicitly.
    secrets: { type: 'string', default: 'memory' },
    'renderer-dir': { type: 'string', default: resolve(import.meta.dirname, '../../out/renderer') },
  },
});

const dataDir = values['data-dir'];
if (!dataDir) {
  console.error('usage: npm run harness -- --port N --data-dir DIR [--secrets keychain]');
  process.exit(2);
}
if (values.secrets !== 'memory' && values.secrets !== 'keychain') {
  console.error('--secrets must be "memory" or "keychain"');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port must be a port number');
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });

const harness = await startHarness({
  port,
  dataDir: resolve(dataDir),
  rendererDir: values['renderer-dir'],
  secrets: values.secrets,
});
console.log(
  `Fleece harness (a test tool, not the app): API keys ${
    values.secrets === 'memory'
      ? 'in memory only, lost when it stops (--secrets keychain to use the OS keychain)'
      : 'in the OS keychain (--secrets keychain)'
  }; the page and its bridge answer only a browser that opened the address below (per-run key).`,
);
console.log(`Fleece harness: ${harness.url}`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started by a test or benchmark (test/e2e/harnessProcess.ts): its IPC channel closes when that
// process ends, however it ended.
process.on('disconnect', stop);
