import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import {
  createServer,
  request,
  type IncomingMessage,
  type RequestOptions,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import updaterModule from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppNotice } from '../../../src/shared/contract/app';
import type { UpdateSettings, UpdateState } from '../../../src/shared/types/updates';
import { writeFeedConfig } from '../../../src/main/updates/feedConfig';
import { UpdateService, type UpdaterPort } from '../../../src/main/updates/UpdateService';

/**
 * electron-updater's own HTTP executor (its download, redirect and SHA-512 checks), with plain
 * Node HTTP where Electron's `net.request` would be.
 */
class NodeHttp extends ElectronHttpExecutor {
  constructor() {
    super(() => undefined);
  }
  override createRequest(
    options: RequestOptions,
    callback: (response: IncomingMessage) => void,
  ): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Electron's request type; Node's request has every member the executor uses.
    return request(options, callback) as unknown as ReturnType<
      ElectronHttpExecutor['createRequest']
    >;
  }
}

/** The installed app as electron-updater sees it: version 0.1.0, packaged, caches in `dir`. */
function appAdapter(dir: string): AppAdapter {
  return {
    version: '0.1.0',
    name: 'Fleece',
    isPackaged: true,
    appUpdateConfigPath: join(dir, 'no-built-in-feed.yml'),
    userDataPath: dir,
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
}

/** A .deb updater, as a deb install gets, reading the feed written by Fleece's own config step. */
function debUpdater(dir: string, feedUrl: string | null): UpdaterPort {
  const updater = new updaterModule.DebUpdater(null, appAdapter(dir));
  Object.assign(updater, { httpExecutor: new NodeHttp() });
  updater.logger = null;
  if (feedUrl) updater.updateConfigPath = writeFeedConfig(join(dir, 'updater'), feedUrl);
  return updater;
}

interface Feed {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A release folder on loopback: `latest-linux.yml` naming one .deb with its SHA-512. */
async function startFeed(version: string, options: { badHash?: boolean } = {}): Promise<Feed> {
  const payload = Buffer.from(`not really a deb, version ${version}\n`.repeat(200));
  const hash = createHash('sha512')
    .update(options.badHash ? Buffer.from('something else') : payload)
    .digest('base64');
  const file = `Fleece_${version}_amd64.deb`;
  const yml = [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${hash}`,
    `    size: ${payload.length}`,
    `path: ${file}`,
    `sha512: ${hash}`,
    "releaseDate: '2026-11-30T10:00:00.000Z'",
    '',
  ].join('\n');
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    requests.push(path);
    if (/^\/latest-linux(-arm64)?\.yml$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(yml);
    } else if (path === `/${file}`) {
      res.writeHead(200, { 'content-length': payload.length }).end(payload);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function service(
  dir: string,
  feedUrl: string,
  packaged = true,
): {
  updates: UpdateService;
  notices: AppNotice[];
  errors: unknown[];
  next: (s: UpdateStatusName) => Promise<UpdateState>;
} {
  let settings: UpdateSettings = { feedUrl, checkOnStart: false };
  const notices: AppNotice[] = [];
  const errors: unknown[] = [];
  const waiting: { state: UpdateStatusName; resolve: (s: UpdateState) => void }[] = [];
  const updates = new UpdateService({
    packaged,
    currentVersion: '0.1.0',
    createUpdater: (feed) => debUpdater(dir, feed),
    settings: {
      get: () => settings,
      save: async (next) => {
        settings = next;
      },
    },
    notify: (n) => notices.push(n),
    onStatus: (s) => {
      for (const w of waiting.filter((x) => x.state === s.status.state)) w.resolve(s);
    },
    log: (_message, error) => errors.push(error),
  });
  const next = (state: UpdateStatusName) =>
    new Promise<UpdateState>((resolve) => waiting.push({ state, resolve }));
  return { updates, notices, errors, next };
}

type UpdateStatusName = UpdateState['status']['state'];

describe('update checks against a feed on loopback', () => {
  let dir: string;
  let feed: Feed | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fleece-updates-'));
  });
  afterEach(async () => {
    await feed?.close();
    feed = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a newer version, downloads and verifies it, then raises the "ready — restart" notice', async () => {
    feed = await startFeed('0.2.0');
    const { updates, notices, errors, next } = service(dir, feed.url);
    const ready = next('ready');
    const checked = await updates.check();
    expect(['downloading', 'ready']).toContain(checked.status.state);
    const state = await ready;
    expect(state.status).toEqual({ state: 'ready', version: '0.2.0' });
    expect(notices).toEqual([
      {
        id: 'update-ready',
        kind: 'update_ready',
        text: { code: 'update_ready', params: { version: '0.2.0' } },
      },
    ]);
    expect(feed.requests).toContain('/Fleece_0.2.0_amd64.deb');
    expect(feed.requests.some((p) => p.startsWith('/latest-linux'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('refuses a download whose SHA-512 does not match the feed, and says so', async () => {
    feed = await startFeed('0.2.0', { badHash: true });
    const { updates, notices, errors, next } = service(dir, feed.url);
    const failed = next('error');
    await updates.check();
    expect((await failed).status).toEqual({
      state: 'error',
      error: { code: 'update_download_failed', params: { version: '0.2.0' } },
    });
    // The file was fetched, and electron-updater's checksum refused it.
    expect(feed.requests).toContain('/Fleece_0.2.0_amd64.deb');
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/sha512 checksum mismatch/i);
    expect(notices).toEqual([]);
    expect(() => updates.restart()).toThrow(/update_not_ready/);
  });

  it('reports the running version as current when the feed has nothing newer', async () => {
    feed = await startFeed('0.1.0');
    const { updates, notices } = service(dir, feed.url);
    expect((await updates.check()).status).toEqual({ state: 'current', version: '0.1.0' });
    expect(notices).toEqual([]);
    expect(feed.requests).not.toContain('/Fleece_0.1.0_amd64.deb');
  });

  it('is off when the app is not packaged: no request reaches the feed', async () => {
    feed = await startFeed('0.2.0');
    const { updates } = service(dir, feed.url, false);
    expect((await updates.check()).status).toEqual({ state: 'disabled', reason: 'not_packaged' });
    expect(feed.requests).toEqual([]);
  });

  it('says the build has no feed when neither the package nor the settings give one', async () => {
    const { updates } = service(dir, '');
    expect((await updates.check()).status).toEqual({
      state: 'error',
      error: { code: 'update_no_feed' },
    });
  });

  it('refuses a plain-http feed off loopback, and keeps the previous one', async () => {
    const { updates } = service(dir, 'https://updates.example.com/fleece/');
    await expect(updates.setSettings({ feedUrl: 'http://updates.example.com/' })).rejects.toThrow(
      /update_feed_invalid/,
    );
    expect(updates.state().settings.feedUrl).toBe('https://updates.example.com/fleece/');
    const saved = await updates.setSettings({ feedUrl: '  https://mirror.example.org/fleece  ' });
    expect(saved.settings.feedUrl).toBe('https://mirror.example.org/fleece');
  });
});
