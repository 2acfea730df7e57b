import type { AttachmentRef } from '../attachment';
import { imageTokens } from './attachmentLimits';

/**
 * A quick, deliberately generous token estimate for deciding what fits in a context window.
 * Exact counts need a tokenizer (main has one in a worker, for usage when a relay sends none);
 * the context indicator and the trim only need a figure that errs on the side of "too big":
 * - ASCII (English, code): about 4 characters a token;
 * - CJK (Chinese, Japanese, Korean): up to one token a character;
 * - other letters (Vietnamese with its diacritics, Cyrillic…): about 2 characters a token.
 */
export function estimateTextTokens(text: string): number {
  if (text === '') return 0;
  let ascii = 0;
  let cjk = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) ascii++;
    else if (isCjk(c)) cjk++;
    // The second half of a surrogate pair (emoji, rare CJK) was counted with the first.
    else if (c < 0xdc00 || c > 0xdfff) other++;
  }
  return Math.ceil(ascii / 4) + cjk + Math.ceil(other / 2);
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified
    (c >= 0xac00 && c <= 0xd7af) || // Hangul
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0xd800 && c <= 0xdbff) // a surrogate pair (extension B+, emoji): one token or more
  );
}

/** Chat framing adds a few tokens per message (role, separators), as OpenAI documents. */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** An image whose size is not known is counted as a large one (2048×768 at `detail: high`). */
const UNKNOWN_IMAGE_TOKENS = imageTokens(2048, 768);

/** A file sent with a question: an image's tiles, or the text extracted from it. */
export function estimateAttachmentTokens(
  a: Pick<AttachmentRef, 'kind' | 'width' | 'height' | 'textChars'>,
): number {
  if (a.kind === 'image')
    return a.width && a.height ? imageTokens(a.width, a.height) : UNKNOWN_IMAGE_TOKENS;
  // Extracted text is mostly prose; counted like unknown letters to stay on the safe side.
  return Math.ceil((a.textChars ?? 0) / 3);
}

/** One message as sent: its text, its files and the framing. */
export function estimateMessageTokens(m: {
  content: string;
  attachments?: readonly Pick<AttachmentRef, 'kind' | 'width' | 'height' | 'textChars'>[];
}): number {
  let tokens = MESSAGE_OVERHEAD_TOKENS + estimateTextTokens(m.content);
  for (const a of m.attachments ?? []) tokens += estimateAttachmentTokens(a);
  return tokens;
}
