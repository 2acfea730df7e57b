import { describe, expect, it } from 'vitest';
import { editDropsKey } from '../../../src/shared/rules/keyScope';

const current = { baseUrl: 'https://api.example.com/v1', fallbackBaseUrls: [] };

describe('editDropsKey', () => {
  it('keeps the key when the path changes on the same server', () => {
    expect(editDropsKey(current, { ...current, baseUrl: 'https://api.example.com/v2' })).toBe(
      false,
    );
    expect(editDropsKey(current, current)).toBe(false);
  });

  it('drops the key for another host, port or scheme', () => {
    expect(editDropsKey(current, { ...current, baseUrl: 'https://evil.example.net/v1' })).toBe(
      true,
    );
    expect(editDropsKey(current, { ...current, baseUrl: 'https://api.example.com:8443/v1' })).toBe(
      true,
    );
    expect(editDropsKey(current, { ...current, baseUrl: 'http://api.example.com/v1' })).toBe(true);
  });

  it('drops the key when a fallback adds a server, keeps it when one is removed', () => {
    expect(
      editDropsKey(current, { ...current, fallbackBaseUrls: ['https://backup.example.org/v1'] }),
    ).toBe(true);
    const two = { ...current, fallbackBaseUrls: ['https://backup.example.org/v1'] };
    expect(editDropsKey(two, current)).toBe(false);
  });

  it('treats an unparsable URL as a new server', () => {
    expect(editDropsKey(current, { ...current, baseUrl: 'not a url' })).toBe(true);
  });
});
