import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AttachmentRef } from '../../shared/attachment';
import {
  ATTACHMENT_MAX_COUNT,
  ATTACHMENT_MAX_FILE_BYTES,
  ATTACHMENT_MAX_MESSAGE_BYTES,
  imageTokens,
  limitMb,
  totalBytes,
} from '../../shared/rules/attachmentLimits';
import { FleeceError } from '../errors/FleeceError';
import type { HistoryStore } from '../history/HistoryStore';
import type { RelayChatMessage } from '../chat/relayTypes';
import type { AttachmentFiles } from './AttachmentFiles';
import { contentParts, type LoadedAttachment } from './contentParts';
import { imageForSending, thumbnail } from './images';
import { cleanName, inspectFile, refOf } from './inspectFile';

export type AttachmentHistory = Pick<
  HistoryStore,
  'recordAttachment' | 'attachmentRecord' | 'collectUnusedAttachments'
>;

export interface AttachmentServiceDeps {
  history: AttachmentHistory;
  files: AttachmentFiles;
  /** The longest side an image is sent at (Settings; default 2048 px). */
  maxImageSide: () => number;
  now?: () => number;
  /** What one request may carry of earlier questions' images (defaults below). */
  requestLimits?: { images: number; bytes: number };
}

export interface ExpandedPrompt {
  messages: RelayChatMessage[];
  /** Images in the request (a relay that refuses one gets the "pick a vision model" card). */
  images: number;
  imageTokens: number;
}

/**
 * Images of earlier questions are sent again with every later request (the API keeps no state),
 * so a long conversation of screenshots would grow past what relays accept (100 screenshots:
 * 177 MB of JSON, see bench:attachments). The latest question's images always go; earlier ones
 * while the request holds fewer than these, newest first; the rest are named in a text part.
 */
export const REQUEST_MAX_IMAGES = 20;
export const REQUEST_IMAGE_BYTES = 20 * 1024 * 1024;

/** Thumbnails are small: the last ones made are kept in memory. */
const THUMB_SIDE = 320;
const THUMB_CACHE = 200;

/**
 * Attachments from the moment a file is attached (checked, stored by hash, recorded) to the
 * moment it is sent (turned into content parts) and shown (its bytes for the window). Files added
 * in this session but not sent yet are kept from clean-up, so emptying the trash never removes
 * what sits in the composer.
 */
export class AttachmentService {
  private readonly pending = new Set<string>();
  private readonly thumbs = new Map<string, Buffer>();
  private readonly now: () => number;

  constructor(private readonly deps: AttachmentServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Checks and stores one file given by its bytes (the window read it: paste, drop, file input). */
  async add(name: string, bytes: Uint8Array): Promise<AttachmentRef> {
    const { record, ref } = await inspectFile(name, bytes);
    this.deps.files.write(bytes);
    this.deps.history.recordAttachment(record, this.now());
    this.pending.add(record.hash);
    return ref;
  }

  /** Checks and stores a file given by its path (the app's own file dialog). */
  async addPath(path: string): Promise<AttachmentRef> {
    const name = cleanName(basename(path));
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      throw new FleeceError('not_found', { text: 'attachment_missing', params: { name } });
    }
    // Checked before reading: a 200 MB file is refused without loading it.
    if (size > ATTACHMENT_MAX_FILE_BYTES)
      throw new FleeceError('bad_request', {
        text: 'attachment_too_large',
        params: { name, mb: limitMb(ATTACHMENT_MAX_FILE_BYTES) },
      });
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new FleeceError('not_found', { text: 'attachment_missing', params: { name } });
    }
    return this.add(name, bytes);
  }

  /**
   * The references a question may carry, rebuilt from what was stored (the window's copy is not
   * trusted beyond the file name): every file must still be on disk, and the count and the total
   * size within the limits.
   */
  check(refs: readonly Pick<AttachmentRef, 'hash' | 'name'>[]): AttachmentRef[] {
    if (refs.length > ATTACHMENT_MAX_COUNT)
      throw new FleeceError('bad_request', {
        text: 'attachment_too_many',
        params: { max: ATTACHMENT_MAX_COUNT, count: refs.length },
      });
    const out = refs.map((r) => {
      const name = cleanName(r.name);
      const record = this.deps.history.attachmentRecord(r.hash);
      if (!record || !this.deps.files.has(r.hash))
        throw new FleeceError('not_found', { text: 'attachment_missing', params: { name } });
      return refOf(name, record);
    });
    if (totalBytes(out) > ATTACHMENT_MAX_MESSAGE_BYTES)
      throw new FleeceError('bad_request', {
        text: 'attachment_message_too_large',
        params: { mb: limitMb(ATTACHMENT_MAX_MESSAGE_BYTES) },
      });
    return out;
  }

  /** The question was stored: its files are kept alive by the message from now on. */
  sent(refs: readonly AttachmentRef[]): void {
    for (const r of refs) this.pending.delete(r.hash);
  }

  /**
   * The prompt as sent: each question's files expanded into content parts, with the tokens its
   * images will cost (counted at the size they are sent at).
   */
  async expandPrompt(prompt: readonly RelayChatMessage[]): Promise<ExpandedPrompt> {
    const out: RelayChatMessage[] = [];
    let images = 0;
    let tokens = 0;
    let imageBytes = 0;
    const limits = this.deps.requestLimits ?? {
      images: REQUEST_MAX_IMAGES,
      bytes: REQUEST_IMAGE_BYTES,
    };
    // Newest first: the latest question's images always go; older ones while within the budget.
    for (let i = prompt.length - 1; i >= 0; i--) {
      const m = prompt[i];
      if (!m) continue;
      const { attachments, ...message } = m;
      if (!attachments || attachments.length === 0) {
        out.unshift(message);
        continue;
      }
      const loaded: LoadedAttachment[] = [];
      for (const ref of attachments) {
        const latest = out.every((o) => !Array.isArray(o.content));
        if (
          ref.kind === 'image' &&
          !latest &&
          (images >= limits.images || imageBytes >= limits.bytes)
        ) {
          loaded.push({ ref, kind: 'omitted' });
          continue;
        }
        const file = await this.load(ref);
        if (file.kind === 'image') {
          images += 1;
          imageBytes += file.bytes.byteLength;
          tokens += imageTokens(file.width, file.height);
        }
        loaded.push(file);
      }
      out.unshift({ role: m.role, content: contentParts(String(m.content), loaded) });
    }
    return { messages: out, images, imageTokens: tokens };
  }

  private async load(ref: AttachmentRef): Promise<LoadedAttachment> {
    const record = this.deps.history.attachmentRecord(ref.hash);
    if (!record || !this.deps.files.has(ref.hash))
      throw new FleeceError('not_found', {
        text: 'attachment_missing',
        params: { name: ref.name },
      });
    if (record.kind !== 'image') return { ref, kind: record.kind, text: record.text ?? '' };
    const bytes = await this.deps.files.read(ref.hash);
    const sent = await imageForSending(
      bytes,
      record.mime,
      record.width ?? 0,
      record.height ?? 0,
      this.deps.maxImageSide(),
    );
    return {
      ref,
      kind: 'image',
      mime: sent.mime,
      bytes: sent.bytes,
      width: sent.width,
      height: sent.height,
    };
  }

  /** The bytes of a stored file for the window: the original, or a small WebP preview of an image. */
  async read(hash: string, variant: 'full' | 'thumb'): Promise<{ mime: string; data: Buffer }> {
    const record = this.deps.history.attachmentRecord(hash);
    if (!record || !this.deps.files.has(hash))
      throw new FleeceError('not_found', {
        text: 'attachment_missing',
        params: { name: hash.slice(0, 12) },
      });
    if (variant === 'thumb' && record.kind === 'image') {
      let thumb = this.thumbs.get(hash);
      if (!thumb) {
        thumb = await thumbnail(await this.deps.files.read(hash), THUMB_SIDE);
        this.thumbs.set(hash, thumb);
        for (const oldest of this.thumbs.keys()) {
          if (this.thumbs.size <= THUMB_CACHE) break;
          this.thumbs.delete(oldest);
        }
      }
      return { mime: 'image/webp', data: thumb };
    }
    return { mime: record.mime, data: await this.deps.files.read(hash) };
  }

  /** Deletes the files no message uses any more (after the trash was emptied or a purge). */
  collectGarbage(): number {
    const gone = this.deps.history.collectUnusedAttachments(this.pending);
    for (const hash of gone) {
      this.deps.files.remove(hash);
      this.thumbs.delete(hash);
    }
    return gone.length;
  }
}
