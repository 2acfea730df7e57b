import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startHarness, type Harness } from './server';
import { RENDERER_CSP } from '../../src/shared/csp';

let harness: Harness;
let origin = '';

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'fleece-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" /></head><body></body></html>`,
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  harness = await startHarness({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'fleece-harness-')),
    rendererDir,
    secrets: 'memory',
    env: {},
    quiet: true,
  });
  origin = new URL(harness.url).origin;
});

afterAll(async () => {
  await harness.close();
});

/** What a browser that opened the printed address holds: the page's session cookie. */
async function sessionCookie(): Promise<string> {
  const res = await fetch(harness.url);
  await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.startsWith('fleece_harness=')) throw new Error('no session cookie on the page');
  return cookie;
}

function connect(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((ok, ko) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => ok(ws));
    ws.once('error', ko);
    ws.once('unexpected-response', (_req, res) => ko(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, route: string, input: unknown): Promise<unknown> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((ok) => {
    const onMessage = (raw: WebSocket.RawData): void => {
      const m = JSON.parse(String(raw)) as { t: string; id: number; result: unknown };
      if (m.t === 'result' && m.id === id) {
        ws.off('message', onMessage);
        ok(m.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ t: 'invoke', id, route, input }));
  });
}

describe('harness', () => {
  it('serves the renderer with the page CSP relaxed only to its own WebSocket', async () => {
    const res = await fetch(harness.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    const wsOrigin = origin.replace('http:', 'ws:');
    expect(csp).toBe(RENDERER_CSP.replace("connect-src 'none'", `connect-src ${wsOrigin}`));
    const html = await res.text();
    expect(html).toContain('<script defer src="/__fleece/bridge.js"></script>');
    expect(html).toContain(`connect-src ${wsOrigin}`);
    expect(html).not.toContain("connect-src 'none'");
  });

  it('answers only requests addressed to 127.0.0.1 (no DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((ok, ko) => {
      const req = request(`${origin}/`, { headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      });
      req.once('error', ko);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses paths outside the renderer folder', async () => {
    const res = await fetch(`${origin}/..%2f..%2fetc%2fpasswd`);
    expect([403, 404]).toContain(res.status);
  });

  it('serves the page only with the per-run key, and hands its secret to no other requester', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(403);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${origin}/?key=wrong`)).status).toBe(403);
    const key = new URL(harness.url).searchParams.get('key') ?? '';
    expect(key).toMatch(/^[0-9a-f]{48}$/);
    const bridge = await (await fetch(`${origin}/__fleece/bridge.js`)).text();
    expect(bridge).not.toContain(key);
    expect((await fetch(`${origin}/__fleece/opened-links`)).status).toBe(403);
    const cookie = await sessionCookie();
    expect(cookie).toBe(`fleece_harness=${key}`);
    const withCookie = await fetch(`${origin}/`, { headers: { cookie } });
    expect(withCookie.status).toBe(200);
  });

  it('refuses a WebSocket without the page cookie or from another origin', async () => {
    const cookie = await sessionCookie();
    const url = `${origin.replace('http:', 'ws:')}/__fleece/ws`;
    await expect(connect(url, { origin })).rejects.toThrow(/401|403|Unexpected/);
    await expect(connect(url, { origin, cookie: 'fleece_harness=wrong' })).rejects.toThrow(
      /401|403|Unexpected/,
    );
    await expect(connect(url, { origin: 'https://evil.example', cookie })).rejects.toThrow(
      /401|403|Unexpected/,
    );
    const ws = await connect(url, { origin, cookie });
    ws.close();
  });

  it('answers contract routes with the same validation as Electron main', async () => {
    const cookie = await sessionCookie();
    const ws = await connect(`${origin.replace('http:', 'ws:')}/__fleece/ws`, { origin, cookie });
    try {
      expect(await call(ws, 'app.info', {})).toMatchObject({ ok: true, data: { name: 'Fleece' } });
      expect(await call(ws, 'no.such.route', {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_route' },
      });
      expect(await call(ws, 'app.openExternal', { url: 5 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(await call(ws, 'app.openExternal', { url: 'javascript:alert(1)' })).toMatchObject({
        ok: false,
        error: { code: 'link_refused' },
      });
      expect(await call(ws, 'app.openExternal', { url: 'https://example.com/' })).toEqual({
        ok: true,
        data: { opened: true },
      });
      expect(harness.openedLinks).toEqual(['https://example.com/']);
    } finally {
      ws.close();
    }
  });
});
