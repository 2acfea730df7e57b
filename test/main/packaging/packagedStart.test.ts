import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackagedApp, ROOT, type PackagedApp } from '../../fixtures/packaged';

const STAND_IN = join(ROOT, 'test/fixtures/packaged/register-stand-in.mjs');

let dir: string;
let app: PackagedApp;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fleece-packaged-'));
  app = await buildPackagedApp(dir);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface StandInReport {
  documentUrl: string;
  results: Record<string, { ok: boolean; data?: unknown; error?: unknown }>;
  nativeModules: string[];
}

/** Starts the packaged main process in Node with the `electron` stand-in; returns its report. */
function startMain(dataDir: string): { report: StandInReport | null; out: string } {
  const run = spawnSync(
    process.execPath,
    ['--import', STAND_IN, join(app.view, 'out/main/index.js')],
    {
      cwd: app.view,
      env: { ...process.env, FLEECE_STAND_IN_DATA: dataDir, NODE_PATH: '' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const out = `${run.stdout}\n${run.stderr}`;
  const line = run.stdout.split('\n').find((l) => l.startsWith('STAND-IN '));
  return {
    report: line ? (JSON.parse(line.slice('STAND-IN '.length)) as StandInReport) : null,
    out,
  };
}

describe('the packaged app', () => {
  it('has electron-builder’s layout: the bundle and production dependencies only, native modules unpacked', () => {
    const pkg = JSON.parse(readFileSync(join(app.view, 'package.json'), 'utf8')) as {
      main: string;
      devDependencies: Record<string, string>;
    };
    expect(existsSync(join(app.view, pkg.main))).toBe(true);
    const files = listPackage(app.archive, { isPack: false }).map((f) => f.replace(/^\//, ''));
    for (const module of ['better-sqlite3', 'keytar']) {
      const natives = files.filter(
        (f) => f.startsWith(`node_modules/${module}/`) && f.endsWith('.node'),
      );
      expect(natives, module).not.toHaveLength(0);
      for (const native of natives) {
        expect((statFile(app.archive, native) as { unpacked?: boolean }).unpacked, native).toBe(
          true,
        );
        expect(existsSync(join(app.unpacked, native)), native).toBe(true);
      }
    }
    expect(
      (statFile(app.archive, 'out/main/index.js') as { unpacked?: boolean }).unpacked,
    ).toBeFalsy();
    // Not one devDependency made it in (electron, vite, react… are bundled or build-time only).
    const shipped = new Set(app.packages.map((p) => p.replace(/^.*node_modules\//, '')));
    for (const dev of Object.keys(pkg.devDependencies)) expect(shipped.has(dev), dev).toBe(false);
    console.log(
      `packaged: ${app.packages.length} production packages: ${[...shipped].sort().join(', ')}`,
    );
  });

  it('starts in Node with a stand-in for electron: services compose, native modules load from app.asar.unpacked', () => {
    const dataDir = join(dir, 'user-data');
    const { report, out } = startMain(dataDir);
    expect(report, out).not.toBeNull();
    console.log(`packaged main process answered:\n${JSON.stringify(report, null, 2)}`);
    const r = report!;
    expect(r.documentUrl).toBe('app://fleece/index.html');
    for (const [route, result] of Object.entries(r.results)) expect(result.ok, route).toBe(true);
    expect(r.results['app.info']?.data).toMatchObject({ name: 'Fleece', dataDir });
    expect(existsSync(join(dataDir, 'history.sqlite'))).toBe(true);
    // Loaded from the unpacked folder, as Electron does for files listed in asarUnpack.
    for (const module of ['better-sqlite3', 'keytar']) {
      const loaded = r.nativeModules.filter((m) => m.includes(`/node_modules/${module}/`));
      expect(loaded, module).toHaveLength(1);
      expect(
        loaded[0]?.startsWith(join(app.unpacked, 'node_modules', module) + '/'),
        loaded[0],
      ).toBe(true);
    }
  }, 150_000);
});
