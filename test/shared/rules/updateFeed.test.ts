import { describe, expect, it } from 'vitest';
import { checkFeedUrl } from '../../../src/shared/rules/updateFeed';

describe('update feed addresses', () => {
  it('takes https anywhere and plain http only on loopback', () => {
    expect(checkFeedUrl('https://example.com/releases/latest/download')).toBe('ok');
    expect(checkFeedUrl('http://127.0.0.1:8080/')).toBe('ok');
    expect(checkFeedUrl('http://localhost/feed')).toBe('ok');
    expect(checkFeedUrl('http://[::1]:9000/')).toBe('ok');
    expect(checkFeedUrl('http://example.com/')).toBe('not_https');
    expect(checkFeedUrl('http://127.0.0.1.example.com/')).toBe('not_https');
  });

  it('refuses what is not a web address, and credentials in it', () => {
    expect(checkFeedUrl('   ')).toBe('empty');
    expect(checkFeedUrl('file:///etc/passwd')).toBe('invalid');
    expect(checkFeedUrl('example.com/feed')).toBe('invalid');
    expect(checkFeedUrl('https://user:pw@example.com/')).toBe('invalid');
  });
});
