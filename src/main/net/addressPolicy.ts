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
  // IPv4-compatible (deprecated): `::7f00:1` is 127.0.0.1 to some stacks.
  ['::', 96],
  ['100::', 64],
  ['fc00::', 7],
  ['fe80::', 10],
  // Site-local (deprecated, still routed inside some networks).
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  LOCAL.addSubnet(net, prefix, 'ipv6');
}

/** The 16-bit groups of an IPv6 address (`isIP(address) === 6`), a dotted IPv4 tail included. */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  let text = address;
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The IPv4 address inside an IPv6 one that is only a way to reach it: NAT64 (`64:ff9b::/96`,
 * `64:ff9b:1::/48`) and 6to4 (`2002::/16`). Judged as that IPv4 address, so a NAT64 network
 * still reaches public sites but not `64:ff9b::7f00:1`.
 */
function embeddedIpv4(groups: number[]): string | undefined {
  const g = (i: number): number => groups[i] ?? 0;
  const quad = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (g(0) === 0x64 && g(1) === 0xff9b && (g(2) === 0 || g(2) === 1)) return quad(g(6), g(7));
  if (g(0) === 0x2002) return quad(g(1), g(2));
  return undefined;
}

/** True for an address on this machine or a private/link-local network (IPv4-mapped included). */
export function isLocalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return LOCAL.check(bare, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  // BlockList judges IPv4-mapped addresses (`::ffff:7f00:1`) by the IPv4 rules itself.
  if (LOCAL.check(bare, 'ipv6')) return true;
  const inner = embeddedIpv4(ipv6Groups(bare.replace(/%.*$/, '')));
  return inner !== undefined && LOCAL.check(inner, 'ipv4');
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
