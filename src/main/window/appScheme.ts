import { extname, resolve, sep } from 'node:path';

/**
 * The renderer is served from `app://fleece/…` rather than `file://`: a file:// page is same-origin
 * with every file on disk, so its `script-src 'self'` would run any script the disk holds. Plain
 * Node (no Electron import): the Electron side only forwards requests to `resolveAppPath`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fleece';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The file under `rootDir` a request for `url` may read, or null: another scheme or host, a path
 * that is not valid percent-encoding, a NUL or backslash, or anything that resolves outside the
 * root (`..`, encoded `%2e%2e`, absolute paths).
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = resolve(rootDir);
  const file = resolve(root, `.${path}`);
  return file.startsWith(root + sep) ? file : null;
}

/**
 * Our document: the app scheme's host, or the dev server's origin in development. Compared by
 * parts, as a URL's `origin` is "null" for a scheme Node does not know.
 */
export function isAppDocument(url: URL, devOrigin?: string): boolean {
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  return devOrigin !== undefined && url.origin === devOrigin;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The content type for a served file; unknown types are sent as bytes, never sniffed as HTML. */
export function contentTypeFor(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
