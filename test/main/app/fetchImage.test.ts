import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchImageAsDataUrl, MAX_IMAGE_BYTES } from '../../../src/main/app/fetchImage';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else if (req.url === '/page')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>hi</h1>');
    else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(MAX_IMAGE_BYTES + 1));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('fetchImageAsDataUrl', () => {
  it('returns the image as a data URL', async () => {
    expect(await fetchImageAsDataUrl(fetch, `${base}/ok.png`)).toBe(
      `data:image/png;base64,${PNG.toString('base64')}`,
    );
  });
  it.each([
    ['a non-image', '/page', 'image_refused'],
    ['an image over the size cap', '/huge', 'image_too_large'],
    ['a missing image', '/nope', 'image_failed'],
  ])('refuses %s', async (_name, path, code) => {
    await expect(fetchImageAsDataUrl(fetch, `${base}${path}`)).rejects.toMatchObject({ code });
  });
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
    'https://u:p@example.com/x.png',
  ])('refuses %s without fetching', async (url) => {
    let called = false;
    const spy: typeof fetch = async () => {
      called = true;
      return new Response();
    };
    await expect(fetchImageAsDataUrl(spy, url)).rejects.toMatchObject({ code: 'image_refused' });
    expect(called).toBe(false);
  });
});
