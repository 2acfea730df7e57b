// What a URL written by the model may do. Model output is untrusted: only links main will open
// become links (src/shared/rules/linkPolicy.ts), and nothing is fetched without a click.

const REMOTE_IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
// Raster formats only: an SVG is a document, not a picture, and is kept out of the page.
const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|jpg|gif|webp)(?:;[a-z0-9=.+-]+)*,/i;
const IMAGE_DATA_URL = /^data:image\/[a-z0-9.+-]+(?:;[a-z0-9=.+-]+)*,/i;

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

export type ImageSource =
  | { readonly kind: 'inline'; readonly url: string }
  | { readonly kind: 'remote'; readonly url: string; readonly host: string }
  | { readonly kind: 'blocked' };

/**
 * How an image written in Markdown may be shown: raster `data:` images inline (nothing is
 * fetched), http(s) images only after a click (main fetches them), anything else not at all.
 */
export function classifyImage(src: string | undefined): ImageSource {
  const trimmed = src?.trim() ?? '';
  if (RASTER_DATA_URL.test(trimmed)) return { kind: 'inline', url: trimmed };
  const parsed = parse(trimmed);
  if (parsed && REMOTE_IMAGE_PROTOCOLS.has(parsed.protocol) && parsed.hostname) {
    return { kind: 'remote', url: parsed.href, host: parsed.host };
  }
  return { kind: 'blocked' };
}

/**
 * Whether what main handed back for a clicked image may go into <img src>. Main is trusted, but
 * the renderer's CSP only allows data: images anyway; an SVG in <img> runs no script and loads
 * nothing, so main may return one it fetched on the user's request.
 */
export function isImageDataUrl(url: unknown): url is string {
  return typeof url === 'string' && IMAGE_DATA_URL.test(url);
}
