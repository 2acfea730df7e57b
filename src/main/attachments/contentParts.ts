import type { AttachmentRef } from '../../shared/attachment';
import type { ContentPart } from '../relay/types';

/** What a question's file becomes for the model, loaded by the caller. */
export type LoadedAttachment =
  | {
      ref: AttachmentRef;
      kind: 'image';
      mime: string;
      bytes: Uint8Array;
      width: number;
      height: number;
    }
  | { ref: AttachmentRef; kind: 'text' | 'pdf'; text: string }
  /** An earlier question's image left out of this request (see AttachmentService). */
  | { ref: AttachmentRef; kind: 'omitted' };

/** Said to the model in place of a PDF's text when it has no text layer (a scan). */
export const PDF_NO_TEXT =
  '[This PDF has no text layer (it is probably scanned): no text could be extracted.]';

/** Said in place of an earlier image that is not sent again. */
export function omittedImageText(name: string): string {
  return `[Image "${name}" was shown earlier in the conversation and is not sent again.]`;
}

function escapeAttr(name: string): string {
  return name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A file's text as the model reads it: its name in a tag around the content. */
export function fileTextPart(name: string, kind: 'text' | 'pdf', text: string): string {
  const body = kind === 'pdf' && text === '' ? PDF_NO_TEXT : text;
  return `<file name="${escapeAttr(name)}">\n${body}\n</file>`;
}

/**
 * OpenAI content parts for a question with files: the typed text first, then each file in the
 * order attached — images as `image_url` parts with a base64 `data:` URL, text files and PDFs as
 * text parts carrying the file name.
 */
export function contentParts(text: string, files: readonly LoadedAttachment[]): ContentPart[] {
  const parts: ContentPart[] = [];
  if (text !== '') parts.push({ type: 'text', text });
  for (const f of files) {
    if (f.kind === 'image') {
      const data = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
      parts.push({
        type: 'image_url',
        image_url: { url: `data:${f.mime};base64,${data.toString('base64')}` },
      });
    } else if (f.kind === 'omitted') {
      parts.push({ type: 'text', text: omittedImageText(f.ref.name) });
    } else {
      parts.push({ type: 'text', text: fileTextPart(f.ref.name, f.kind, f.text) });
    }
  }
  return parts;
}
