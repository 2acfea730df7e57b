import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../src/main/app/externalLinks';

describe('checkExternalUrl on mailto links', () => {
  it.each([
    [
      'mailto:support@example.com?subject=Help&cc=spy@evil.example&body=Hello%0Aworld',
      'mailto:support@example.com?subject=Help&body=Hello%0Aworld',
    ],
    ['mailto:a@example.com?bcc=x@evil.example&in-reply-to=%3Cid%3E', 'mailto:a@example.com'],
    ['mailto:?to=a@example.com&attach=file:///etc/passwd', 'mailto:?to=a@example.com'],
    ['mailto:a@example.com?SUBJECT=Hi&%62cc=x@evil.example', 'mailto:a@example.com?SUBJECT=Hi'],
    ['mailto:a@example.com#fragment', 'mailto:a@example.com'],
  ])('%s opens as %s', (raw, expected) => {
    expect(checkExternalUrl(raw)).toBe(expected);
  });

  it('leaves web links as they were', () => {
    expect(checkExternalUrl('https://example.com/?cc=1&bcc=2')).toBe(
      'https://example.com/?cc=1&bcc=2',
    );
  });
});
