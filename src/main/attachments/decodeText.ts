import { detect } from 'chardet';

/** Encodings chardet may name that TextDecoder knows under another label. */
const LABEL: Record<string, string> = {
  GB18030: 'gb18030',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
};

export type TextDecodeResult =
  { ok: true; text: string; encoding: string } | { ok: false; reason: 'binary' };

function decodeWith(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The text of a text-like file: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else valid UTF-8
 * is UTF-8; else chardet guesses (GB18030/GBK for Chinese, Windows-1252…) and TextDecoder (ICU,
 * in Node and Electron) decodes. A file with NUL bytes and no UTF-16 mark is binary: refused.
 */
export function decodeText(bytes: Uint8Array): TextDecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return {
      ok: true,
      text: decodeWith('utf-8', bytes.subarray(3), false) ?? '',
      encoding: 'utf-8',
    };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      ok: true,
      text: decodeWith('utf-16le', bytes.subarray(2), false) ?? '',
      encoding: 'utf-16le',
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      ok: true,
      text: decodeWith('utf-16be', bytes.subarray(2), false) ?? '',
      encoding: 'utf-16be',
    };
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  const utf8 = decodeWith('utf-8', bytes, true);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const guessed = detect(bytes);
  const label = (guessed && LABEL[guessed]) ?? 'gb18030';
  const text = decodeWith(label, bytes, true) ?? decodeWith('windows-1252', bytes, false);
  return text === null ? { ok: false, reason: 'binary' } : { ok: true, text, encoding: label };
}
