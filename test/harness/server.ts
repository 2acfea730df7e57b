import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { RENDERER_CSP, harnessCsp } from '../../src/shared/csp';
import { composeServices, type Composition } from '../../src/main/compose';
import { createRouter, createSenderPolicy, type Router } from '../../src/main/ipc/router';
import { createFileLogger, type Logger } from '../../src/main/log/Logger';
import { NodeNetwork } from '../../src/main/net/NodeNetwork';
import type { EventName, EventPayload } from '../../src/shared/contract';
import { bridgeScript } from './bridgeScript';
import { HARNESS_OPEN_PATH_FILE } from './openDialogHook';

export interface HarnessOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  secrets: 'keychain' | 'memory';
  env?: Record<string, string | undefined>;
  quiet?: boolean;
}

export interface Harness {
  /** The page's address, with the per-run key: whoever has it can drive the app. */
  url: string;
  /** Links the renderer asked to open in the system browser (the harness only records them). */
  openedLinks: string[];
  /** Test hook for the open dialog: each import takes the next path; empty = the user cancelled. */
  openPaths: string[];
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/**
 * Runs the same service composition as Electron main, serves the built renderer on loopback and
 * exposes the contract over a WebSocket. Dev/test tooling only; never packaged.
 */
export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const token = randomBytes(24).toString('hex');
  const sockets = new Set<WebSocket>();
  const openedLinks: string[] = [];
  const openPaths: string[] = [];
  const log: Logger = createFileLogger(join(opts.dataDir, 'logs'), !opts.quiet);
  const server: Server = createServer();
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(opts.port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const origin = `http://127.0.0.1:${port}`;
  const wsOrigin = `ws://127.0.0.1:${port}`;

  const emit = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    const data = JSON.stringify({ t: 'event', name, payload });
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(data);
  };
  // Node's fetch routed by the Network settings (undici dispatchers), with the relay's connect
  // timeout applied to TCP/TLS set-up.
  const network = new NodeNetwork();
  let composition: Composition;
  try {
    composition = await composeServices({
      dataDir: opts.dataDir,
      fetch: network.fetch as typeof globalThis.fetch,
      network,
      secrets: opts.secrets,
      emit,
      openExternal: async (url) => {
        openedLinks.push(url);
        log.info(`harness: would open ${url} in the system browser`);
      },
      // No dialog in a browser harness: exports land in <data-dir>/exports.
      chooseSavePath: async (name) => {
        const dir = join(opts.dataDir, 'exports');
        await mkdir(dir, { recursive: true });
        return join(dir, name);
      },
      // No dialog in a browser harness: the in-process hook (`openPaths`) or, for a harness in
      // another process, a one-shot file naming the path the "dialog" returns.
      chooseOpenPath: async () => {
        const queued = openPaths.shift();
        if (queued) return queued;
        const hook = join(opts.dataDir, HARNESS_OPEN_PATH_FILE);
        const chosen = await readFile(hook, 'utf8').catch(() => null);
        if (chosen === null) return null;
        await rm(hook, { force: true });
        return chosen.trim();
      },
      log,
      platform: process.platform,
      env: opts.env ?? process.env,
    });
  } catch (err) {
    server.close();
    throw err;
  }
  const router: Router = createRouter(
    composition.handlers,
    createSenderPolicy({
      isOurWindow: (id) => typeof id === 'string' && id.startsWith('ws:'),
      isOurDocument: (_url, o) => o === origin,
    }),
    { error: (m, e) => log.error(m, e) },
  );

  const rendererRoot = resolve(opts.rendererDir);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void serve(req, res).catch((err: unknown) => {
      log.error('harness: serving failed', err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only our own address: a web page that rebinds a DNS name to 127.0.0.1 gets nothing.
    if (req.headers.host !== `127.0.0.1:${port}`) return void res.writeHead(421).end();
    const path = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    if (req.method !== 'GET') return void res.writeHead(405).end();
    if (path === '/__fleece/bridge.js') {
      // No secret in here: the WebSocket is authorised by the page's HttpOnly cookie.
      res.writeHead(200, { 'content-type': MIME['.js'], 'cache-control': 'no-store' });
      return void res.end(bridgeScript(`${wsOrigin}/__fleece/ws`));
    }
    if (path === '/__fleece/opened-links') {
      if (!hasSessionCookie(req, token)) return void res.writeHead(403).end();
      res.writeHead(200, { 'content-type': MIME['.json'] });
      return void res.end(JSON.stringify(openedLinks));
    }
    const rel = path === '/' ? 'index.html' : path.slice(1);
    let pageHeaders: Record<string, string> = {};
    if (rel === 'index.html') {
      // The page (and through its cookie, the WebSocket) is for whoever has the printed address:
      // another local process or a web page cannot drive the app without the per-run key.
      const key = new URL(req.url ?? '/', origin).searchParams.get('key');
      if (key !== token && !hasSessionCookie(req, token)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('Open the address the Fleece harness printed when it started.\n');
      }
      pageHeaders = {
        'set-cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      };
    }
    const file = normalize(join(rendererRoot, rel));
    if (!file.startsWith(rendererRoot + sep)) return void res.writeHead(403).end();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return void res.writeHead(404).end();
    }
    const csp = harnessCsp(wsOrigin);
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    if (rel === 'index.html') {
      const html = body
        .toString('utf8')
        .replace(RENDERER_CSP, csp)
        // Deferred: the parser does not stop for it, so the app's chunks are fetched meanwhile
        // (Electron's preload needs no fetch at all). Deferred and module scripts run in document
        // order, so `window.fleece` still exists before the app's module runs.
        .replace('<head>', '<head>\n    <script defer src="/__fleece/bridge.js"></script>');
      res.writeHead(200, {
        'content-type': type,
        'content-security-policy': csp,
        'cache-control': 'no-store',
        ...pageHeaders,
      });
      return void res.end(html);
    }
    res.writeHead(200, { 'content-type': type, 'content-security-policy': csp });
    res.end(body);
  }

  let nextConn = 1;
  const wss = new WebSocketServer({
    server,
    path: '/__fleece/ws',
    maxPayload: 64 * 1024 * 1024,
    verifyClient: ({ origin: o, req }: { origin: string; req: IncomingMessage }) => {
      return (
        o === origin && hasSessionCookie(req, token) && req.headers.host === `127.0.0.1:${port}`
      );
    },
  });
  wss.on('connection', (socket, req) => {
    sockets.add(socket);
    const windowId = `ws:${nextConn++}`;
    const senderOrigin = req.headers.origin ?? 'null';
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (raw) => {
      let msg: { t?: unknown; id?: unknown; route?: unknown; input?: unknown };
      try {
        msg = JSON.parse(String(raw)) as typeof msg;
      } catch {
        return;
      }
      if (msg.t !== 'invoke' || typeof msg.id !== 'number') return;
      const id = msg.id;
      const sender = { origin: senderOrigin, url: `${senderOrigin}/`, isMainFrame: true, windowId };
      void router.dispatch(sender, msg.route, msg.input).then((result) => {
        if (socket.readyState === socket.OPEN)
          socket.send(JSON.stringify({ t: 'result', id, result }));
      });
    });
  });

  return {
    url: `${origin}/?key=${token}`,
    openedLinks,
    openPaths,
    async close() {
      for (const s of sockets) s.terminate();
      wss.close();
      // Every connection is ended, not only idle ones: a socket the browser opened ahead and
      // sent nothing on would otherwise hold the close until its headers time out (a minute).
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
      await composition.dispose();
      await network.close();
    },
  };
}

const SESSION_COOKIE = 'fleece_harness';

function hasSessionCookie(req: IncomingMessage, token: string): boolean {
  const cookies = (req.headers.cookie ?? '').split(/;\s*/);
  return cookies.includes(`${SESSION_COOKIE}=${token}`);
}
