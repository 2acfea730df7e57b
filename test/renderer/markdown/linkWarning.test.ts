import { describe, expect, it } from 'vitest';
import { isLocalHost, linkWarning } from '../../../src/renderer/src/markdown/linkWarning';

const hostOf = (url: string) => new URL(url).hostname;

describe('isLocalHost', () => {
  it.each([
    'http://localhost:3000/',
    'http://app.localhost/',
    'http://printer.local/',
    'http://127.0.0.1/',
    'http://127.8.9.10/',
    'http://2130706433/', // 127.0.0.1 written as a number
    'http://0x7f.1/',
    'http://10.0.0.1/',
    'http://192.168.1.1/admin',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0:8080/',
    'http://[::1]/',
    'http://[fe80::1]/',
    'http://[fd12:3456::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:192.168.0.1]/',
  ])('%s is local', (url) => {
    expect(isLocalHost(hostOf(url))).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://172.15.0.1/',
    'http://172.32.0.1/',
    'http://192.169.0.1/',
    'http://11.0.0.1/',
    'http://[2001:db8::1]/',
    'http://[::ffff:8.8.8.8]/',
    'https://localhost.example.com/',
    'https://local.example/',
  ])('%s is not local', (url) => {
    expect(isLocalHost(hostOf(url))).toBe(false);
  });
});

describe('linkWarning', () => {
  it.each([
    ['https://evil.example/login', 'https://bank.example.com', 'mismatch'],
    ['https://evil.example/login', 'bank.example.com/login', 'mismatch'],
    ['https://evil.example/', 'www.bank.example', 'mismatch'],
    ['http://192.168.0.1/', 'router settings', 'local'],
    ['http://localhost:8080/', 'http://localhost:8080/', 'local'],
  ] as const)('%s shown as %s asks first (%s)', (href, text, expected) => {
    expect(linkWarning(href, text)).toBe(expected);
  });

  it.each([
    ['https://example.com/docs', 'the docs'],
    ['https://example.com/docs', 'https://example.com/docs'],
    ['http://www.example.com/', 'www.example.com'],
    ['https://example.com/a', 'EXAMPLE.com/a'],
    ['https://example.com/', 'Read more: example.com has it'],
    ['mailto:a@example.com', 'b@other.example'],
    ['https://example.com/', 'version 1.2.3'],
  ])('%s shown as %s opens directly', (href, text) => {
    expect(linkWarning(href, text)).toBeNull();
  });
});
