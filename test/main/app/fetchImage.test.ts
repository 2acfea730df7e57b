import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchImageAsDataUrl, MAX_IMAGE_BYTES } from '../../../src/main/app/fetchImage';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
// The server below is on loopback, which the app refuses: these cases opt in explicitly.
const LOCAL_OK = { allowLocal: true };
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else if (req.url === '/page')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>hi</h1>');
    else if (req.url === '/to-loopback') res.writeHead(302, { location: `${base}/ok.png` }).end();
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
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
    expect(await fetchImageAsDataUrl(fetch, `${base}/ok.png`, LOCAL_OK)).toBe(
      `data:image/png;base64,${PNG.toString('base64')}`,
    );
  });
  it.each([
    ['a non-image', '/page', 'image_refused'],
    ['an image over the size cap', '/huge', 'image_too_large'],
    ['a missing image', '/nope', 'image_failed'],
  ])('refuses %s', async (_name, path, code) => {
    await expect(fetchImageAsDataUrl(fetch, `${base}${path}`, LOCAL_OK)).rejects.toMatchObject({
      code,
    });
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

  it('refuses 127.0.0.1 before fetching', async () => {
    const spy = spyFetch();
    await expect(fetchImageAsDataUrl(spy.fetch, `${base}/ok.png`)).rejects.toMatchObject({
      code: 'image_local_address',
    });
    expect(spy.calls).toEqual([]);
  });

  it('refuses 10.0.0.1 before any connection is made', async () => {
    const spy = spyFetch();
    await expect(fetchImageAsDataUrl(spy.fetch, 'http://10.0.0.1/x.png')).rejects.toMatchObject({
      code: 'image_local_address',
    });
    expect(spy.calls).toEqual([]);
  });

  it.each([
    ['a name that resolves to loopback', [{ address: '127.0.0.1', family: 4 }]],
    [
      'a name with one private address among public ones',
      [
        { address: '93.184.215.14', family: 4 },
        { address: '192.168.1.20', family: 4 },
      ],
    ],
    ['a name that resolves to link-local', [{ address: '169.254.169.254', family: 4 }]],
    [
      'a name that resolves to an IPv4-mapped loopback',
      [{ address: '::ffff:127.0.0.1', family: 6 }],
    ],
  ])('refuses %s after DNS resolution', async (_name, addresses) => {
    const spy = spyFetch();
    const lookup = async () => addresses;
    await expect(
      fetchImageAsDataUrl(spy.fetch, 'https://images.example/x.png', { lookup }),
    ).rejects.toMatchObject({ code: 'image_local_address' });
    expect(spy.calls).toEqual([]);
  });

  it('re-checks a redirect and refuses one that leads to loopback', async () => {
    // The first hop is judged public (a stubbed lookup); the real loopback server answers it
    // with a redirect to itself by address, which must be refused before it is followed.
    const calls: string[] = [];
    const viaName: typeof fetch = (input, init) => {
      const href = String(input);
      calls.push(href);
      return fetch(href.replace('http://images.example', base), init);
    };
    const lookup = async () => [{ address: '93.184.215.14', family: 4 }];
    await expect(
      fetchImageAsDataUrl(viaName, 'http://images.example/to-loopback', { lookup }),
    ).rejects.toMatchObject({ code: 'image_local_address' });
    expect(calls).toEqual(['http://images.example/to-loopback']);
  });

  it('follows a bounded number of redirects', async () => {
    await expect(fetchImageAsDataUrl(fetch, `${base}/loop`, LOCAL_OK)).rejects.toMatchObject({
      code: 'image_redirects',
    });
  });
});

function spyFetch(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: async (input) => {
      calls.push(String(input));
      return new Response();
    },
  };
}
