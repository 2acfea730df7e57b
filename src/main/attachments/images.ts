import sharp from 'sharp';
import { IMAGE_MAX_PIXELS, scaledSize } from '../../shared/rules/attachmentLimits';

/**
 * Images are decoded with sharp (libvips, prebuilt binaries shipped inside its npm packages, no
 * download at install): the whole image is decoded once when attached, so a truncated or corrupt
 * file is refused then, not when a relay chokes on it. libvips works on its own threads: the
 * main process's event loop is not blocked.
 */

export interface DecodedImage {
  width: number;
  height: number;
}

export type ImageCheck =
  { ok: true; image: DecodedImage } | { ok: false; reason: 'corrupt' | 'too_many_pixels' };

/** Decodes every pixel (first frame of an animation) and reports the dimensions. */
export async function checkImage(bytes: Uint8Array): Promise<ImageCheck> {
  try {
    const meta = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
    const width = meta.width ?? 0;
    const height = meta.pageHeight ?? meta.height ?? 0;
    if (width <= 0 || height <= 0) return { ok: false, reason: 'corrupt' };
    if (width * height > IMAGE_MAX_PIXELS) return { ok: false, reason: 'too_many_pixels' };
    // Decoding the pixels is what finds a truncated or damaged file; the header alone does not.
    await sharp(bytes, { failOn: 'truncated', limitInputPixels: IMAGE_MAX_PIXELS })
      .raw()
      .toBuffer();
    return { ok: true, image: { width, height } };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

export interface ImageForSending {
  bytes: Buffer;
  mime: string;
  width: number;
  height: number;
}

/**
 * The image as sent to a model: unchanged when its longest side is within `maxSide`, else
 * downscaled to it (PNG stays PNG so screenshots keep sharp text; the rest become JPEG). The
 * original file on disk is never changed.
 */
export async function imageForSending(
  bytes: Uint8Array,
  mime: string,
  width: number,
  height: number,
  maxSide: number,
): Promise<ImageForSending> {
  if (Math.max(width, height) <= maxSide) return { bytes: Buffer.from(bytes), mime, width, height };
  const size = scaledSize(width, height, maxSide);
  const pipeline = sharp(bytes, { limitInputPixels: IMAGE_MAX_PIXELS }).resize(
    size.width,
    size.height,
    {
      fit: 'fill',
    },
  );
  const png = mime === 'image/png';
  const out = await (png ? pipeline.png() : pipeline.jpeg({ quality: 88 })).toBuffer();
  return { bytes: out, mime: png ? 'image/png' : 'image/jpeg', ...size };
}

/** A small preview for the composer's chips and the message thumbnails (WebP, ≤ `side` px). */
export async function thumbnail(bytes: Uint8Array, side: number): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: IMAGE_MAX_PIXELS })
    .resize(side, side, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}
