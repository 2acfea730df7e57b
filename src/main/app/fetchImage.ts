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

/**
 * Fetches an image the user clicked in an answer and returns it as a data: URL, so the
 * renderer shows it without any network access of its own. http(s) only, no credentials,
 * image types only, size-capped, time-limited.
 */
export async function fetchImageAsDataUrl(
  fetchFn: typeof globalThis.fetch,
  raw: string,
  timeoutMs = 15_000,
): Promise<string> {
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
  let res: Response;
  try {
    res = await fetchFn(url.href, {
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      headers: { accept: 'image/*' },
    });
  } catch {
    throw new FleeceError('image_failed', {
      text: 'image_download_failed',
      params: { host: url.host },
    });
  }
  if (!res.ok) {
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
