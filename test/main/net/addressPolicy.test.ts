import { describe, expect, it } from 'vitest';
import { findLocalAddress, isLocalAddress } from '../../../src/main/net/addressPolicy';

/** The host as main sees it: the URL parser's form (`127.1` → `127.0.0.1`, IPv6 compressed). */
const hostOf = (url: string) => new URL(url).hostname;

describe('local addresses', () => {
  it.each([
    'http://127.0.0.1/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f.0.0.1/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://169.254.169.254/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://[0:0:0:0:0:ffff:a9fe:a9fe]/',
    'http://[::127.0.0.1]/',
    'http://[fe80::1]/',
    'http://[fd12:3456::1]/',
    'http://[fec0::1]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[64:ff9b::a00:1]/',
    'http://[64:ff9b:1::c0a8:101]/',
    'http://[2002:7f00:1::]/',
    'http://[2002:a9fe:a9fe::1]/',
  ])('refuses %s', (url) => {
    expect(isLocalAddress(hostOf(url))).toBe(true);
  });

  it.each([
    'http://93.184.215.14/',
    'http://8.8.8.8/',
    'http://[2606:4700::6810:84e5]/',
    // NAT64 and 6to4 of public addresses stay reachable (IPv6-only networks use NAT64).
    'http://[64:ff9b::5db8:d70e]/',
    'http://[2002:5db8:d70e::1]/',
  ])('lets %s through', (url) => {
    expect(isLocalAddress(hostOf(url))).toBe(false);
  });

  it('judges a name by every address it resolves to', async () => {
    const lookup = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '64:ff9b::7f00:1', family: 6 },
    ];
    expect(await findLocalAddress('rebind.example', lookup)).toBe('64:ff9b::7f00:1');
    expect(
      await findLocalAddress('public.example', async () => [{ address: '8.8.8.8', family: 4 }]),
    ).toBeUndefined();
    // Nothing resolved is not a pass.
    expect(await findLocalAddress('empty.example', async () => [])).toBe('empty.example');
  });
});
