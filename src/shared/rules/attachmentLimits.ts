/**
 * The limits of attachments, said to the user before anything is read and checked again in main.
 * A relay takes a request of a few tens of MB at most (images travel as base64, a third larger),
 * and a vision model sees an image at 2048 px on its longest side at best, so larger ones are
 * downscaled before sending (the original stays on disk).
 */
const MB = 1024 * 1024;

export const ATTACHMENT_MAX_FILE_BYTES = 20 * MB;
export const ATTACHMENT_MAX_MESSAGE_BYTES = 50 * MB;
export const ATTACHMENT_MAX_COUNT = 10;
/** Text of one file or PDF sent to the model; the rest is cut (and the chip says so). */
export const ATTACHMENT_TEXT_MAX_CHARS = 200_000;
/** An image with more pixels than this is refused (a "decompression bomb" can claim billions). */
export const IMAGE_MAX_PIXELS = 100_000_000;
export const IMAGE_MAX_SIDE_DEFAULT = 2048;
export const IMAGE_MAX_SIDE_MIN = 256;
export const IMAGE_MAX_SIDE_MAX = 8192;

export const IMAGE_MIME = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** File names attached as text (the content is checked too: a file with NUL bytes is refused). */
export const TEXT_EXTENSIONS = [
  'txt',
  'md',
  'markdown',
  'log',
  'csv',
  'tsv',
  'json',
  'jsonl',
  'yaml',
  'yml',
  'toml',
  'ini',
  'xml',
  'html',
  'htm',
  'css',
  'scss',
  'js',
  'jsx',
  'mjs',
  'cjs',
  'ts',
  'tsx',
  'py',
  'rb',
  'go',
  'rs',
  'java',
  'kt',
  'c',
  'h',
  'cc',
  'cpp',
  'hpp',
  'cs',
  'php',
  'sh',
  'bash',
  'zsh',
  'ps1',
  'sql',
  'swift',
  'lua',
  'r',
  'pl',
  'env',
  'conf',
  'cfg',
  'diff',
  'patch',
  'srt',
  'vue',
  'svelte',
  'tex',
] as const;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export const MB_BYTES = MB;

/** Whole MB for messages ("larger than 20 MB"). */
export function limitMb(bytes: number): number {
  return Math.round(bytes / MB);
}

export interface AttachmentSize {
  size: number;
}

/**
 * What a batch of new files may add to the attachments already in the composer: how many fit
 * (the first ones are kept) and whether the batch was cut for the count or the total size.
 */
export function admitBatch(
  existing: readonly AttachmentSize[],
  incoming: readonly AttachmentSize[],
): { take: number; tooMany: boolean } {
  const room = Math.max(0, ATTACHMENT_MAX_COUNT - existing.length);
  return { take: Math.min(room, incoming.length), tooMany: incoming.length > room };
}

export function totalBytes(list: readonly AttachmentSize[]): number {
  return list.reduce((sum, a) => sum + a.size, 0);
}

/**
 * Tokens a vision model bills for an image at `detail: high` (OpenAI's published rule, which
 * other relays follow closely): fit in 2048×2048, shortest side to 768, 170 per 512-px tile + 85.
 */
export function imageTokens(width: number, height: number): number {
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const shrink = Math.min(1, 768 / Math.min(w, h));
  w *= shrink;
  h *= shrink;
  return 85 + 170 * Math.ceil(w / 512) * Math.ceil(h / 512);
}

/** The longest side after downscaling to `maxSide` (never upscaled). */
export function scaledSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
