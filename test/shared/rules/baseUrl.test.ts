import { describe, expect, it } from 'vitest';
import { checkBaseUrl } from '../../../src/shared/rules/baseUrl';

describe('checkBaseUrl', () => {
  it('keeps http(s) URLs without their trailing slashes and flags plain http off this computer', () => {
    expect(checkBaseUrl(' https://api.holysheep.ai/v1/ ')).toEqual({
      ok: true,
      url: 'https://api.holysheep.ai/v1',
      insecure: false,
    });
    expect(checkBaseUrl('http://127.0.0.1:11434/v1')).toMatchObject({ ok: true, insecure: false });
    expect(checkBaseUrl('http://192.168.1.20:8080/v1')).toMatchObject({ ok: true, insecure: true });
  });

  it('says why a URL cannot be used', () => {
    const reason = (raw: string) => {
      const check = checkBaseUrl(raw);
      return check.ok ? null : check.refusal.reason;
    };
    expect(reason('  ')).toBe('missing');
    expect(reason('api.example.com')).toBe('invalid');
    expect(checkBaseUrl('ftp://example.com')).toEqual({
      ok: false,
      refusal: { reason: 'protocol', protocol: 'ftp' },
    });
    expect(reason('https://me:pw@example.com/v1')).toBe('credentials');
    expect(reason('https://example.com/v1?key=1')).toBe('query');
  });
});
