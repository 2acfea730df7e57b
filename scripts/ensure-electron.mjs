// Makes sure the Electron binary is present before `npm start` / `npm run dev`.
// `npm install` never downloads it (so installs succeed where the download host is unreachable);
// the first start fetches it through Electron's own installer.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const installed =
  existsSync(pathFile) &&
  existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));

if (!installed) {
  console.log('Fleece: downloading the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(
      '\nFleece: the Electron binary could not be downloaded. Check your network or proxy ' +
        '(ELECTRON_MIRROR / HTTPS_PROXY), then run `npm start` again.\n' +
        'Without Electron you can still run the app in a browser: npm run harness -- --data-dir ./data',
    );
    process.exit(1);
  }
}
