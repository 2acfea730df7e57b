import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Resolves a host name to every address it has (node:dns `lookup` with `all: true`). */
export type LookupAll = (host: string) => Promise<{ address: string; family: number }[]>;

export const lookupAll: LookupAll = (host) => dnsLookup(host, { all: true, verbatim: true });

// Addresses a web page's image must never make main reach: this machine, the local network,
// link-local (cloud metadata at 169.254.169.254), and the special ranges around them.
const LOCAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  LOCAL.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  LOCAL.addSubnet(net, prefix, 'ipv6');
}

/** True for an address on this machine or a private/link-local network (IPv4-mapped included). */
export function isLocalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return LOCAL.check(bare, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped !== undefined) return LOCAL.check(mapped, 'ipv4');
  return LOCAL.check(bare, 'ipv6');
}

/**
 * Every address `host` resolves to, or the first local one found. An IP literal is judged as is,
 * without a lookup; a name is judged by all its addresses, so one private record is enough to
 * refuse (a name that resolves to both cannot be used to reach the inside).
 */
export async function findLocalAddress(
  host: string,
  lookup: LookupAll = lookupAll,
): Promise<string | undefined> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return isLocalAddress(bare) ? bare : undefined;
  const addresses = await lookup(bare);
  if (addresses.length === 0) return bare;
  return addresses.find((a) => isLocalAddress(a.address))?.address;
}
