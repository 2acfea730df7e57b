import iconv from 'iconv-lite';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/main/attachments/decodeText';
import { imageForSending } from '../../../src/main/attachments/images';
import { inspectFile } from '../../../src/main/attachments/inspectFile';
import { isFleeceError } from '../../../src/main/errors/FleeceError';
import { ATTACHMENT_MAX_FILE_BYTES } from '../../../src/shared/rules/attachmentLimits';
import {
  encryptedPdf,
  gif,
  jpeg,
  pdfWithText,
  pdfWithoutText,
  png,
  webp,
} from '../../fixtures/attachments/files';

async function refusal(name: string, bytes: Uint8Array): Promise<unknown> {
  try {
    await inspectFile(name, bytes);
  } catch (error) {
    if (isFleeceError(error)) return error.text;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('decoding attached files', () => {
  it('reads PNG, JPEG, GIF and WebP by their bytes, with their dimensions', async () => {
    const cases = [
      ['a.png', await png(64, 48), 'image/png'],
      ['b.jpg', await jpeg(33, 20), 'image/jpeg'],
      ['c.gif', await gif(5, 7), 'image/gif'],
      ['d.webp', await webp(100, 1), 'image/webp'],
      // The name says nothing: a PNG saved as .txt is still an image.
      ['screenshot.txt', await png(3, 2), 'image/png'],
    ] as const;
    const seen = [];
    for (const [name, bytes] of cases) {
      const { ref } = await inspectFile(name, bytes);
      seen.push([ref.kind, ref.mime, ref.width, ref.height]);
    }
    expect(seen).toEqual([
      ['image', 'image/png', 64, 48],
      ['image', 'image/jpeg', 33, 20],
      ['image', 'image/gif', 5, 7],
      ['image', 'image/webp', 100, 1],
      ['image', 'image/png', 3, 2],
    ]);
  });

  it('refuses bad input with a coded reason naming the file', async () => {
    const whole = await png(200, 200);
    expect(await refusal('empty.txt', new Uint8Array(0))).toEqual({
      code: 'attachment_empty',
      params: { name: 'empty.txt' },
    });
    expect(await refusal('big.log', new Uint8Array(ATTACHMENT_MAX_FILE_BYTES + 1))).toEqual({
      code: 'attachment_too_large',
      params: { name: 'big.log', mb: 20 },
    });
    expect(await refusal('cut.png', whole.subarray(0, whole.length - 40))).toMatchObject({
      code: 'attachment_image_corrupt',
    });
    expect(await refusal('photo.png', Buffer.from('this is not an image at all'))).toMatchObject({
      code: 'attachment_not_image',
    });
    expect(
      await refusal(
        'logo.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
      ),
    ).toMatchObject({ code: 'attachment_svg' });
    expect(await refusal('locked.pdf', encryptedPdf())).toMatchObject({
      code: 'attachment_pdf_encrypted',
    });
    expect(await refusal('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj garbage'))).toMatchObject({
      code: 'attachment_pdf_broken',
    });
    expect(await refusal('tool.exe', Buffer.from([0x4d, 0x5a, 0x90, 0]))).toMatchObject({
      code: 'attachment_type',
    });
    expect(await refusal('data.json', Buffer.from([0x7b, 0, 0x7d]))).toMatchObject({
      code: 'attachment_binary',
    });
  });

  it('extracts a PDF text layer in a worker, and notes a PDF without one', async () => {
    const withText = await inspectFile('spec.pdf', pdfWithText(['Release plan', 'ship on Friday']));
    expect(withText.record.text).toBe('Release plan\nship on Friday');
    expect(withText.ref).toMatchObject({ kind: 'pdf', note: null, textChars: 27 });
    const scan = await inspectFile('scan.pdf', pdfWithoutText());
    expect(scan.ref).toMatchObject({ kind: 'pdf', note: 'pdf_no_text', textChars: 0 });
  });

  it('decodes UTF-8, UTF-16 with a byte-order mark and GBK/GB18030', () => {
    const chinese = '错误日志：连接超时，请检查网络设置。服务器返回了五百错误，请稍后重试。';
    expect(decodeText(iconv.encode(chinese, 'gbk'))).toMatchObject({ ok: true, text: chinese });
    expect(decodeText(iconv.encode(chinese, 'gb18030'))).toMatchObject({ ok: true, text: chinese });
    const vi = 'Nhật ký lỗi: kết nối quá thời gian';
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(vi, 'utf16le')])),
    ).toEqual({ ok: true, text: vi, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(vi, 'utf-16be', { addBOM: true }))).toMatchObject({ text: vi });
    expect(decodeText(Buffer.from(`\ufeff${vi}`))).toEqual({
      ok: true,
      text: vi,
      encoding: 'utf-8',
    });
    expect(decodeText(Buffer.from(vi))).toEqual({ ok: true, text: vi, encoding: 'utf-8' });
  });

  it('downscales an image over the longest side and keeps one within it as it is', async () => {
    const big = await png(4000, 1000);
    const sent = await imageForSending(big, 'image/png', 4000, 1000, 2048);
    expect([sent.width, sent.height, sent.mime]).toEqual([2048, 512, 'image/png']);
    const meta = await sharp(sent.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([2048, 512]);
    const photo = await jpeg(1000, 3000);
    const smaller = await imageForSending(photo, 'image/jpeg', 1000, 3000, 1500);
    expect([smaller.width, smaller.height]).toEqual([500, 1500]);
    const small = await png(100, 100);
    const same = await imageForSending(small, 'image/png', 100, 100, 2048);
    expect(same.bytes.equals(small)).toBe(true);
  });
});
