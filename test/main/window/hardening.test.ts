import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  APP_INDEX_URL,
  contentTypeFor,
  isAppDocument,
  resolveAppPath,
} from '../../../src/main/window/appScheme';
import { isPermissionAllowed } from '../../../src/main/window/permissionPolicy';
import { secureWebPreferences } from '../../../src/main/window/webPreferences';

const ROOT = resolve('/opt/Fleece/resources/app.asar/out/renderer');

describe('the app:// scheme', () => {
  it('serves the index page and assets from the renderer folder', () => {
    expect(resolveAppPath(ROOT, APP_INDEX_URL)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppPath(ROOT, 'app://fleece/')).toBe(join(ROOT, 'index.html'));
    expect(resolveAppPath(ROOT, 'app://fleece/assets/index-abc.js?v=1#x')).toBe(
      join(ROOT, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath(ROOT, 'app://fleece/assets/Noto%20Sans.woff2')).toBe(
      join(ROOT, 'assets', 'Noto Sans.woff2'),
    );
  });

  it.each([
    // The URL parser folds these dot segments back under the root: harmless, still inside.
    'app://fleece/../main/index.js',
    'app://fleece/%2e%2e/main/index.js',
    // Encoded separators survive parsing and would climb out once decoded.
    'app://fleece/assets/%2E%2E%2F%2E%2E%2Fmain%2Findex.js',
    'app://fleece/..%2f..%2f..%2fetc%2fpasswd',
    'app://fleece/assets/..%5c..%5cmain%5cindex.js',
    'app://fleece/index.html%00.png',
    'app://fleece/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://fleece/index.html',
    'not a url',
  ])('never reads outside the renderer folder: %s', (url) => {
    const file = resolveAppPath(ROOT, url);
    expect(file === null || file.startsWith(ROOT + sep)).toBe(true);
    expect(file).not.toBe(resolve(ROOT, '..', 'main', 'index.js'));
  });

  it.each([
    'app://fleece/assets/%2E%2E%2F%2E%2E%2Fmain%2Findex.js',
    'app://fleece/..%2f..%2f..%2fetc%2fpasswd',
    'app://fleece/assets/..%5c..%5cmain%5cindex.js',
    'app://fleece/index.html%00.png',
  ])('refuses an encoded escape outright: %s', (url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });

  it('sends scripts and pages with their own type, anything else as bytes', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/notes.txt')).toBe('application/octet-stream');
  });

  it('knows our document: the app host, or the dev server in development', () => {
    expect(isAppDocument(new URL(APP_INDEX_URL))).toBe(true);
    expect(isAppDocument(new URL('app://evil/index.html'))).toBe(false);
    expect(isAppDocument(new URL('file:///tmp/x.html'))).toBe(false);
    expect(isAppDocument(new URL('http://localhost:5173/'), 'http://localhost:5173')).toBe(true);
    expect(isAppDocument(new URL('http://localhost:5174/'), 'http://localhost:5173')).toBe(false);
  });
});

describe('permissions', () => {
  const ours = (url: URL) => isAppDocument(url);

  it('allow only the clipboard write, and only to our document', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_INDEX_URL, ours)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://fleece', ours)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', ours)).toBe(
      false,
    );
    expect(isPermissionAllowed('clipboard-sanitized-write', '', ours)).toBe(false);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'display-capture',
    'clipboard-read',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'window-management',
    'storage-access',
    'unknown',
  ])('deny %s even to our document', (permission) => {
    expect(isPermissionAllowed(permission, APP_INDEX_URL, ours)).toBe(false);
  });
});

describe('window preferences', () => {
  it('keep the renderer isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('fuses set at packaging (electron-builder.yml)', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as {
    electronFuses?: Record<string, boolean>;
  };
  const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };

  it('turn off every way to run the app as plain Node and turn on asar and cookie protection', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('use only option names electron-builder knows', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    for (const name of Object.keys(config.electronFuses ?? {})) expect(known).toContain(name);
  });
});
