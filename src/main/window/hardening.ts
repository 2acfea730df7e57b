import { net, protocol, session, type Session } from 'electron';
import { pathToFileURL } from 'node:url';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  contentTypeFor,
  isAppDocument,
  resolveAppPath,
} from './appScheme';
import { isPermissionAllowed } from './permissionPolicy';
import type { LookupAll } from '../net/addressPolicy';

/** Before `app.whenReady()`: the scheme must be known as privileged before any session exists. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

export interface Hardened {
  /** The URL the window loads: the dev server's, or our scheme's index page. */
  documentUrl: string;
  isOurDocument: (url: URL) => boolean;
  /** `fetch` for relay and image requests: a session that keeps no cookies, cache or storage. */
  relayFetch: typeof globalThis.fetch;
  /** The relay session, whose proxy the Network settings set. */
  relaySession: Session;
  /**
   * Host names resolved by the relay session itself: the addresses an image host is judged by
   * are the ones Chromium's cache then hands the fetch, not a separate OS lookup's.
   */
  lookupHost: LookupAll;
}

/**
 * After ready: serves the built renderer from `app://fleece/` (paths outside `rendererDir`
 * refused), refuses every permission but the clipboard write the Copy buttons use, and gives
 * network requests a session of their own that persists nothing.
 */
export function applyHardening(rendererDir: string, devUrl: string | undefined): Hardened {
  const devOrigin = devUrl === undefined ? undefined : new URL(devUrl).origin;
  const isOurDocument = (url: URL): boolean => isAppDocument(url, devOrigin);

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).href).catch(() => null);
    if (res === null || !res.ok) return new Response('Not found', { status: 404 });
    return new Response(res.body, {
      headers: { 'content-type': contentTypeFor(file), 'x-content-type-options': 'nosniff' },
    });
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(isPermissionAllowed(permission, contents.getURL(), isOurDocument));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, isOurDocument),
  );

  // No "persist:" prefix: an in-memory partition, so a relay's Set-Cookie never reaches the disk
  // and never rides along with a later request to another profile's relay.
  const relaySession = session.fromPartition('fleece-relay', { cache: false });
  relaySession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  relaySession.setPermissionCheckHandler(() => false);
  const relayFetch = ((input: string | URL | Request, init?: RequestInit) =>
    relaySession.fetch(input instanceof URL ? input.href : input, {
      ...init,
      credentials: 'omit',
    })) as typeof globalThis.fetch;

  const lookupHost: LookupAll = async (host) =>
    (await relaySession.resolveHost(host)).endpoints.map((e) => ({
      address: e.address,
      family: e.family === 'ipv6' ? 6 : 4,
    }));

  return {
    documentUrl: devUrl ?? APP_INDEX_URL,
    isOurDocument,
    relayFetch,
    relaySession,
    lookupHost,
  };
}
