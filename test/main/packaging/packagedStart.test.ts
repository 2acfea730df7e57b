import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { flipFuses, FuseV1Options, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants.js';
import { parse } from 'yaml';
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

interface PermissionAnswer {
  check: boolean | null;
  request: boolean | null;
}

interface StandInReport {
  documentUrl: string;
  results: Record<string, { ok: boolean; data?: unknown; error?: unknown }>;
  nativeModules: string[];
  hardening: {
    schemes: { scheme: string; privileges: Record<string, boolean> }[];
    permissions: Record<
      string,
      {
        options: { cache?: boolean } | null;
        handlers: { request: boolean; check: boolean };
        answers: Record<string, PermissionAnswer>;
      }
    >;
    served: Record<string, { status: number; type: string | null; size: number } | null>;
    relay: {
      checkOk: boolean;
      fetches: { session: string; url: string; credentials: string | null }[];
    };
    image: { error: string | null; resolved: { session: string; host: string }[]; paths: string[] };
  };
}

/** Starts the packaged main process in Node with the `electron` stand-in; returns its report. */
function startMain(dataDir: string): { report: StandInReport | null; out: string } {
  // An export to import: the import worker runs from the archive with its own dependencies.
  const importFile = join(dir, 'export.json');
  writeFileSync(
    importFile,
    JSON.stringify({
      format: 'fleece-history',
      version: 1,
      exportedAt: 1,
      conversations: [
        {
          id: 'c-imported',
          title: 'Đã nhập',
          createdAt: 1,
          updatedAt: 1,
          messages: [{ id: 'm-1', role: 'user', content: '你好', createdAt: 1, updatedAt: 1 }],
        },
      ],
    }),
  );
  const run = spawnSync(
    process.execPath,
    ['--import', STAND_IN, join(app.view, 'out/main/index.js')],
    {
      cwd: app.view,
      env: {
        ...process.env,
        FLEECE_STAND_IN_DATA: dataDir,
        FLEECE_STAND_IN_IMPORT: importFile,
        NODE_PATH: '',
      },
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

/** Starts the packaged main once for the tests that read its report. */
let started: { report: StandInReport | null; out: string } | undefined;
function startedMain(): { report: StandInReport | null; out: string } {
  started ??= startMain(join(dir, 'user-data'));
  return started;
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
    const { report, out } = startedMain();
    expect(report, out).not.toBeNull();
    console.log(`packaged main process answered:\n${JSON.stringify(report, null, 2)}`);
    const r = report!;
    expect(r.documentUrl).toBe('app://fleece/index.html');
    for (const [route, result] of Object.entries(r.results)) expect(result.ok, route).toBe(true);
    expect(r.results['app.info']?.data).toMatchObject({ name: 'Fleece', dataDir });
    expect(r.results['history.importJson']?.data).toMatchObject({
      conversationsAdded: 1,
      messagesAdded: 1,
      cancelled: false,
    });
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

  it('installs its hardening: app:// privileged, permissions refused but the clipboard write, traversal refused, relay requests without cookies', () => {
    const { report, out } = startedMain();
    expect(report, out).not.toBeNull();
    const h = report!.hardening;
    console.log(`packaged hardening:\n${JSON.stringify({ ...h, permissions: '…' }, null, 2)}`);

    expect(h.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);

    // Every session main made has both handlers, and each answers only what the app uses.
    expect(Object.keys(h.permissions).sort()).toEqual(['default', 'fleece-relay']);
    for (const [name, session] of Object.entries(h.permissions)) {
      expect(session.handlers, name).toEqual({ request: true, check: true });
      for (const [asked, answer] of Object.entries(session.answers)) {
        const allowed =
          name === 'default' && asked === `${report!.documentUrl} clipboard-sanitized-write`;
        expect(answer, `${name}: ${asked}`).toEqual({ check: allowed, request: allowed });
      }
    }

    expect(h.served['app://fleece/index.html']).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
    });
    expect(h.served['app://fleece/index.html']!.size).toBeGreaterThan(100);
    expect(h.served['app://fleece/']?.status).toBe(200);
    for (const url of [
      'app://fleece/..%2f..%2fmain%2findex.js',
      'app://fleece/assets/%2E%2E%2F%2E%2E%2Fpackage.json',
      'app://other/index.html',
    ])
      expect(h.served[url]?.status, url).toBe(404);

    // An in-memory partition (no "persist:"), no cache, and cookies left out of every request.
    expect(h.permissions['fleece-relay']?.options).toEqual({ cache: false });
    expect(h.relay.checkOk).toBe(true);
    expect(h.relay.fetches.length).toBeGreaterThan(0);
    // An image on this machine, by name: resolved by the relay session, refused before a request.
    expect(h.image.error).toBe('image_local_address');
    expect(h.image.resolved).toEqual([{ session: 'fleece-relay', host: 'localhost' }]);
    expect(h.image.paths).not.toContain('/secret.png');
    for (const f of h.relay.fetches)
      expect(f).toMatchObject({ session: 'fleece-relay', credentials: 'omit' });
  }, 150_000);

  it('has the fuses electron-builder flips into the Electron binary', async () => {
    // electron-builder's own step (PlatformPackager.generateFuseConfig → @electron/fuses), run on
    // a stand-in binary: the fuse wire as Electron ships it, between filler bytes.
    const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    // A private method of electron-builder's: the one place its option names become fuses.
    const { PlatformPackager } = (await import('app-builder-lib')) as unknown as {
      PlatformPackager: { prototype: { generateFuseConfig(f: unknown): Promise<FuseConfig> } };
    };
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call(
      null,
      config.electronFuses,
    );
    const shipped = [
      FuseState.ENABLE, // RunAsNode
      FuseState.DISABLE, // EnableCookieEncryption
      FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
      FuseState.ENABLE, // EnableNodeCliInspectArguments
      FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
      FuseState.DISABLE, // OnlyLoadAppFromAsar
      FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
      FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
    ];
    const binary = join(dir, 'electron');
    writeFileSync(
      binary,
      Buffer.concat([
        Buffer.alloc(4096, 0x7f),
        Buffer.from(SENTINEL),
        Buffer.from([1, shipped.length, ...shipped]),
        Buffer.alloc(4096, 0x7f),
      ]),
    );
    await flipFuses(binary, fuseConfig);
    const wire = await getCurrentFuseWire(binary);
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      cookieEncryption: FuseState.ENABLE,
      nodeOptions: FuseState.DISABLE,
      inspect: FuseState.DISABLE,
      asarIntegrity: FuseState.ENABLE,
      onlyAsar: FuseState.ENABLE,
      fileProtocolPrivileges: FuseState.DISABLE,
    });
  });
});
