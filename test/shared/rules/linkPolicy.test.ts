import { describe, expect, it } from 'vitest';
import { checkLink, openableUrl } from '../../../src/shared/rules/linkPolicy';

describe('link policy', () => {
  it('says why a link does not open', () => {
    expect(checkLink('not a url')).toEqual({ ok: false, refusal: { reason: 'invalid' } });
    expect(checkLink('file:///etc/passwd')).toEqual({
      ok: false,
      refusal: { reason: 'protocol', protocol: 'file:' },
    });
    expect(checkLink('https://user:pw@example.com/')).toEqual({
      ok: false,
      refusal: { reason: 'credentials' },
    });
  });

  it('makes a link of exactly what main opens: no link carrying a password', () => {
    expect(openableUrl('https://user:pw@example.com/')).toBeNull();
    expect(openableUrl('https://example.com/ok')).toBe('https://example.com/ok');
  });
});
