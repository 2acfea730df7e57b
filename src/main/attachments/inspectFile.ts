import type { AttachmentRef } from '../../shared/attachment';
import {
  ATTACHMENT_MAX_FILE_BYTES,
  ATTACHMENT_TEXT_MAX_CHARS,
  TEXT_EXTENSIONS,
  extensionOf,
  limitMb,
} from '../../shared/rules/attachmentLimits';
import { FleeceError } from '../errors/FleeceError';
import type { AttachmentRecord } from '../history/attachmentRepository';
import { decodeText } from './decodeText';
import { checkImage } from './images';
import { pdfText } from './pdfText';
import { IMAGE_MIME_OF, sniff } from './sniff';
import { sha256 } from './AttachmentFiles';

const TEXT_EXT: ReadonlySet<string> = new Set(TEXT_EXTENSIONS);
const IMAGE_EXT: ReadonlySet<string> = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp']);

export interface InspectedFile {
  record: AttachmentRecord;
  ref: AttachmentRef;
}

/** File names as shown: no path, no control characters, at most 255 characters. */
export function cleanName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return clean || 'file';
}

/**
 * What a file is, decided from its bytes (the name only chooses between text and "unsupported"
 * for files that are neither image nor PDF): an image is decoded whole, a PDF's text read in a
 * worker, a text file decoded from its encoding. Anything else is refused with a coded reason.
 */
export async function inspectFile(rawName: string, bytes: Uint8Array): Promise<InspectedFile> {
  const name = cleanName(rawName);
  if (bytes.byteLength === 0)
    throw new FleeceError('bad_request', { text: 'attachment_empty', params: { name } });
  if (bytes.byteLength > ATTACHMENT_MAX_FILE_BYTES)
    throw new FleeceError('bad_request', {
      text: 'attachment_too_large',
      params: { name, mb: limitMb(ATTACHMENT_MAX_FILE_BYTES) },
    });
  const hash = sha256(bytes);
  const base = { hash, size: bytes.byteLength, width: null, height: null, text: null, note: null };
  const kind = sniff(bytes);
  const ext = extensionOf(name);
  if (kind === 'svg')
    throw new FleeceError('bad_request', { text: 'attachment_svg', params: { name } });
  if (kind === 'png' || kind === 'jpeg' || kind === 'gif' || kind === 'webp') {
    const checked = await checkImage(bytes);
    if (!checked.ok)
      throw new FleeceError('bad_request', {
        text:
          checked.reason === 'corrupt' ? 'attachment_image_corrupt' : 'attachment_image_too_big',
        params: { name },
      });
    const record: AttachmentRecord = {
      ...base,
      kind: 'image',
      mime: IMAGE_MIME_OF[kind],
      width: checked.image.width,
      height: checked.image.height,
    };
    return { record, ref: refOf(name, record) };
  }
  if (kind === 'pdf') {
    const pdf = await pdfText(bytes);
    if (!pdf.ok)
      throw new FleeceError('bad_request', {
        text: pdf.reason === 'encrypted' ? 'attachment_pdf_encrypted' : 'attachment_pdf_broken',
        params: { name },
      });
    const record: AttachmentRecord = {
      ...base,
      kind: 'pdf',
      mime: 'application/pdf',
      ...textAndNote(pdf.text),
      ...(pdf.text === '' ? { note: 'pdf_no_text' } : {}),
    };
    return { record, ref: refOf(name, record) };
  }
  // An image extension on bytes that are not an image: never trusted by its name.
  if (IMAGE_EXT.has(ext))
    throw new FleeceError('bad_request', { text: 'attachment_not_image', params: { name } });
  if (kind === 'zip' || (!TEXT_EXT.has(ext) && ext !== ''))
    throw new FleeceError('bad_request', { text: 'attachment_type', params: { name } });
  const decoded = decodeText(bytes);
  if (!decoded.ok)
    throw new FleeceError('bad_request', { text: 'attachment_binary', params: { name } });
  const record: AttachmentRecord = {
    ...base,
    kind: 'text',
    mime: 'text/plain',
    ...textAndNote(decoded.text),
  };
  return { record, ref: refOf(name, record) };
}

function textAndNote(text: string): { text: string; note: string | null } {
  return text.length > ATTACHMENT_TEXT_MAX_CHARS
    ? { text: text.slice(0, ATTACHMENT_TEXT_MAX_CHARS), note: 'text_truncated' }
    : { text, note: null };
}

export function refOf(name: string, r: AttachmentRecord): AttachmentRef {
  return {
    hash: r.hash,
    name,
    kind: r.kind,
    mime: r.mime,
    size: r.size,
    width: r.width,
    height: r.height,
    textChars: r.text === null ? null : r.text.length,
    note: r.note === 'pdf_no_text' || r.note === 'text_truncated' ? r.note : null,
  };
}
