import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'data-dir': { type: 'string' },
    secrets: { type: 'string', default: 'keychain' },
    'renderer-dir': { type: 'string', default: resolve(import.meta.dirname, '../../out/renderer') },
  },
});

const dataDir = values['data-dir'];
if (!dataDir) {
  console.error('usage: npm run harness -- --port N --data-dir DIR [--secrets memory|keychain]');
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
if (values.secrets === 'memory') {
  console.warn(
    '\n*** Fleece harness: --secrets memory — API keys are kept in memory only and are LOST when ' +
      'the harness stops. Nothing is stored in the OS keychain. ***\n',
  );
}

const harness = await startHarness({
  port,
  dataDir: resolve(dataDir),
  rendererDir: values['renderer-dir'],
  secrets: values.secrets,
});
console.log(`Fleece harness: ${harness.url}`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
