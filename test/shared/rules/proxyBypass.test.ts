import { describe, expect, it } from 'vitest';
import {
  bypassesProxy,
  chromiumBypassRules,
  isBypassEntry,
  parseBypassList,
} from '../../../src/shared/rules/proxyBypass';
import { DEFAULT_BYPASS } from '../../../src/shared/types/network';

describe('proxy bypass list', () => {
  it('sends loopback direct by default, and nothing else', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]'])
      expect(bypassesProxy(host, DEFAULT_BYPASS)).toBe(true);
    for (const host of ['api.holysheep.ai', '10.0.0.1', 'localhost.example.com'])
      expect(bypassesProxy(host, DEFAULT_BYPASS)).toBe(false);
  });

  it('matches hosts, domain suffixes and IPv4 ranges', () => {
    const list = ['intranet', '.corp.example', '*.lan', '10.0.0.0/8'];
    expect(bypassesProxy('intranet', list)).toBe(true);
    expect(bypassesProxy('corp.example', list)).toBe(true);
    expect(bypassesProxy('relay.corp.example', list)).toBe(true);
    expect(bypassesProxy('notcorp.example', list)).toBe(false);
    expect(bypassesProxy('nas.lan', list)).toBe(true);
    expect(bypassesProxy('10.200.1.1', list)).toBe(true);
    expect(bypassesProxy('11.0.0.1', list)).toBe(false);
  });

  it('checks and splits what the user typed', () => {
    expect(parseBypassList('localhost, .corp.example;10.0.0.0/8\n::1')).toEqual([
      'localhost',
      '.corp.example',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(['localhost', '*.lan', '10.0.0.0/8', '::1'].every(isBypassEntry)).toBe(true);
    expect(['http://x', '10.0.0.0/40', 'a b', '300.1.1.1/8'].some(isBypassEntry)).toBe(false);
  });

  it('tells Chromium to proxy loopback too when the user removed it from the list', () => {
    expect(chromiumBypassRules(DEFAULT_BYPASS)).toBe('localhost;127.0.0.0/8;::1');
    expect(chromiumBypassRules(['.corp.example'])).toBe('*.corp.example;<-loopback>');
  });
});
