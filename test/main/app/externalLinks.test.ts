import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../src/main/app/externalLinks';

describe('checkExternalUrl', () => {
  it.each([
    ['https://api.holysheep.ai/docs', 'https://api.holysheep.ai/docs'],
    ['http://example.com', 'http://example.com/'],
    ['  https://example.com/a?b=1#c  ', 'https://example.com/a?b=1#c'],
    ['mailto:support@example.com', 'mailto:support@example.com'],
    ['HTTPS://EXAMPLE.COM', 'https://example.com/'],
  ])('allows %s', (raw, expected) => {
    expect(checkExternalUrl(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'smb://host/share',
    'ms-settings:',
    'chrome://settings',
    'not a url',
    '',
    'https://user:pass@example.com/',
    'https://',
  ])('refuses %s with link_refused', (raw) => {
    expect(() => checkExternalUrl(raw)).toThrowError(
      expect.objectContaining({ code: 'link_refused' }) as Error,
    );
  });
});
