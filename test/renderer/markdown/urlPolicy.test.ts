import { describe, expect, it } from 'vitest';
import { classifyImage, isImageDataUrl } from '../../../src/renderer/src/markdown/urlPolicy';
import { openableUrl } from '../../../src/shared/rules/linkPolicy';

describe('openableUrl', () => {
  it('accepts http, https and mailto, normalised', () => {
    expect(openableUrl('https://Example.com/a b')).toBe('https://example.com/a%20b');
    expect(openableUrl(' http://example.com ')).toBe('http://example.com/');
    expect(openableUrl('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(openableUrl('https://bücher.de/')).toBe('https://xn--bcher-kva.de/');
  });

  it('refuses every other scheme, relative URLs and junk', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<b>',
      'vbscript:x',
      'ftp://x.org',
      'chrome://settings',
      'about:blank',
      '/relative',
      '#anchor',
      '//host/x',
      'http://',
      '',
      undefined,
    ]) {
      expect(openableUrl(url), String(url)).toBeNull();
    }
  });
});

describe('classifyImage', () => {
  it('shows raster data: images inline', () => {
    for (const type of ['png', 'jpeg', 'gif', 'webp']) {
      expect(classifyImage(`data:image/${type};base64,AAAA`)).toEqual({
        kind: 'inline',
        url: `data:image/${type};base64,AAAA`,
      });
    }
  });

  it('puts http(s) images behind a click, naming the host', () => {
    expect(classifyImage('https://img.example.com:8443/a.png?x=1')).toEqual({
      kind: 'remote',
      url: 'https://img.example.com:8443/a.png?x=1',
      host: 'img.example.com:8443',
    });
  });

  it('blocks SVG data, other schemes and relative paths', () => {
    for (const src of [
      'data:image/svg+xml,<svg/>',
      'data:text/html,x',
      'file:///a.png',
      'javascript:x',
      'a.png',
      'blob:x',
      undefined,
    ]) {
      expect(classifyImage(src), String(src)).toEqual({ kind: 'blocked' });
    }
  });
});

describe('isImageDataUrl', () => {
  it('accepts only data:image URLs from the loader', () => {
    expect(isImageDataUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isImageDataUrl('data:image/svg+xml;base64,AAAA')).toBe(true);
    expect(isImageDataUrl('https://x/a.png')).toBe(false);
    expect(isImageDataUrl('data:text/html,x')).toBe(false);
    expect(isImageDataUrl(42)).toBe(false);
  });
});
