import { findLocalAddress, type LookupAll } from '../net/addressPolicy';
import { FleeceError } from '../errors/FleeceError';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/svg+xml',
]);

/** Each hop is checked again; an image behind more redirects than this is not worth it. */
export const MAX_IMAGE_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface FetchImageOptions {
  timeoutMs?: number;
  lookup?: LookupAll;
  /** Tests only: serve images from a loopback server. The app never sets it. */
  allowLocal?: boolean;
}

/**
 * Fetches an image the user clicked in an answer and returns it as a data: URL, so the
 * renderer shows it without any network access of its own. http(s) only, no credentials,
 * image types only, size-capped, time-limited. Model output chooses the address, so it must not
 * turn main into a probe of this machine or the local network: every host (the first and each
 * redirect's) is resolved and refused if any of its addresses is loopback, private or link-local.
 */
export async function fetchImageAsDataUrl(
  fetchFn: typeof globalThis.fetch,
  raw: string,
  options: FetchImageOptions = {},
): Promise<string> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  let url = checkImageUrl(raw);
  let res: Response;
  for (let hop = 0; ; hop++) {
    await refuseLocal(url, options);
    try {
      res = await fetchFn(url.href, {
        signal,
        credentials: 'omit',
        redirect: 'manual',
        headers: { accept: 'image/*' },
      });
    } catch {
      throw new FleeceError('image_failed', {
        text: 'image_download_failed',
        params: { host: url.host },
      });
    }
    const location = res.headers.get('location');
    if (!REDIRECTS.has(res.status) || location === null) break;
    await res.body?.cancel();
    if (hop >= MAX_IMAGE_REDIRECTS) {
      throw new FleeceError('image_redirects');
    }
    url = checkImageUrl(new URL(location, url).href);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FleeceError('image_failed', {
      text: 'image_http_status',
      params: { status: res.status },
    });
  }
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!IMAGE_TYPES.has(type)) {
    await res.body?.cancel();
    throw new FleeceError('image_refused', { text: 'image_not_image' });
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_IMAGE_BYTES) {
    await res.body?.cancel();
    throw new FleeceError('image_too_large', { params: { mb: MAX_IMAGE_BYTES / 1024 / 1024 } });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) throw new FleeceError('image_failed', { text: 'image_empty' });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMAGE_BYTES) {
      await reader.cancel();
      throw new FleeceError('image_too_large', { params: { mb: MAX_IMAGE_BYTES / 1024 / 1024 } });
    }
    chunks.push(value);
  }
  return `data:${type};base64,${Buffer.concat(chunks).toString('base64')}`;
}

function checkImageUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FleeceError('image_refused', { text: 'image_bad_address' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FleeceError('image_refused', { text: 'image_not_web' });
  }
  if (url.username || url.password) {
    throw new FleeceError('image_refused', { text: 'image_has_credentials' });
  }
  return url;
}

async function refuseLocal(url: URL, options: FetchImageOptions): Promise<void> {
  if (options.allowLocal === true) return;
  let local: string | undefined;
  try {
    local = await findLocalAddress(url.hostname, options.lookup);
  } catch {
    throw new FleeceError('image_failed', {
      text: 'image_download_failed',
      params: { host: url.host },
    });
  }
  // Checked before any connection: a name can be re-resolved by the fetch itself, but an
  // address we judged local is never contacted.
  if (local !== undefined) {
    throw new FleeceError('image_local_address', { details: { host: url.hostname } });
  }
}
