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
  origin = harness.url.replace(/\/$/, '');
});

afterAll(async () => {
  await harness.close();
});

async function bridgeToken(): Promise<string> {
  const js = await (await fetch(`${origin}/__fleece/bridge.js`)).text();
  const m = /token=([0-9a-f]+)/.exec(js);
  if (!m?.[1]) throw new Error('no token in bridge script');
  return m[1];
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
    const res = await fetch(`${origin}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const wsOrigin = origin.replace('http:', 'ws:');
    expect(csp).toBe(RENDERER_CSP.replace("connect-src 'none'", `connect-src ${wsOrigin}`));
    const html = await res.text();
    expect(html).toContain('<script src="/__fleece/bridge.js"></script>');
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

  it('refuses a WebSocket without the per-run token or from another origin', async () => {
    const token = await bridgeToken();
    const url = `${origin.replace('http:', 'ws:')}/__fleece/ws`;
    await expect(connect(`${url}?token=wrong`, { origin })).rejects.toThrow(/401|403|Unexpected/);
    await expect(
      connect(`${url}?token=${token}`, { origin: 'https://evil.example' }),
    ).rejects.toThrow(/401|403|Unexpected/);
    const ws = await connect(`${url}?token=${token}`, { origin });
    ws.close();
  });

  it('answers contract routes with the same validation as Electron main', async () => {
    const token = await bridgeToken();
    const ws = await connect(`${origin.replace('http:', 'ws:')}/__fleece/ws?token=${token}`, {
      origin,
    });
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
