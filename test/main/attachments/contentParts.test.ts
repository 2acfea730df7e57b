import { describe, expect, it } from 'vitest';
import { contentParts, PDF_NO_TEXT } from '../../../src/main/attachments/contentParts';
import type { AttachmentRef } from '../../../src/shared/attachment';
import { estimateUsage, countTokens } from '../../../src/main/chat/tokenEstimate';
import { imageTokens, scaledSize, admitBatch } from '../../../src/shared/rules/attachmentLimits';

const ref = (name: string, kind: AttachmentRef['kind']): AttachmentRef => ({
  hash: '0'.repeat(64),
  name,
  kind,
  mime: kind === 'image' ? 'image/png' : 'text/plain',
  size: 3,
  width: null,
  height: null,
  textChars: null,
  note: null,
});

describe('content parts', () => {
  it('puts the text first, then each file in order: images as data URLs, files as named text', () => {
    const parts = contentParts('What failed?', [
      {
        ref: ref('shot.png', 'image'),
        kind: 'image',
        mime: 'image/png',
        bytes: Buffer.from([1, 2, 3]),
        width: 1,
        height: 1,
      },
      { ref: ref('app "x".log', 'text'), kind: 'text', text: 'boom' },
      { ref: ref('scan.pdf', 'pdf'), kind: 'pdf', text: '' },
    ]);
    expect(parts).toEqual([
      { type: 'text', text: 'What failed?' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AQID' } },
      { type: 'text', text: '<file name="app &quot;x&quot;.log">\nboom\n</file>' },
      { type: 'text', text: `<file name="scan.pdf">\n${PDF_NO_TEXT}\n</file>` },
    ]);
  });

  it('leaves out an empty question text', () => {
    const parts = contentParts('', [{ ref: ref('a.md', 'text'), kind: 'text', text: '# A' }]);
    expect(parts).toEqual([{ type: 'text', text: '<file name="a.md">\n# A\n</file>' }]);
  });
});

describe('token estimates with attachments', () => {
  it('bills an image by its 512-px tiles after fitting it (OpenAI high detail)', () => {
    expect(imageTokens(512, 512)).toBe(85 + 170);
    expect(imageTokens(1024, 1024)).toBe(85 + 170 * 4); // shortest side to 768: 2×2 tiles
    expect(imageTokens(4096, 2048)).toBe(85 + 170 * 6); // 2048×1024 → 1536×768: 3×2 tiles
    expect(scaledSize(4096, 2048, 2048)).toEqual({ width: 2048, height: 1024 });
  });

  it('counts the text parts and the images of a prompt', async () => {
    const fileText = '<file name="a.log">\nline one\nline two\n</file>';
    const plain = await estimateUsage([{ role: 'user', content: 'hello' }], 'hi');
    const withFiles = await estimateUsage(
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'hello' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
            { type: 'text', text: fileText },
          ],
        },
      ],
      'hi',
      255,
    );
    expect(withFiles.promptTokens - plain.promptTokens).toBe(255 + (await countTokens(fileText)));
  });

  it('admits a pasted batch up to the count limit and says it was cut', () => {
    const many = Array.from({ length: 10_000 }, () => ({ size: 1 }));
    expect(admitBatch([{ size: 1 }, { size: 1 }], many)).toEqual({ take: 8, tooMany: true });
    expect(admitBatch([], [{ size: 1 }])).toEqual({ take: 1, tooMany: false });
  });
});
