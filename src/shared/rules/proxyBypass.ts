/**
 * The proxy bypass list: which hosts go direct. Entries are a host name (`example.com`), a
 * domain suffix (`.example.com` or `*.example.com`, the domain itself included), an IP address
 * or an IPv4 range in CIDR form (`10.0.0.0/8`). Main applies it to every request; the renderer
 * checks what the user typed with the same rule.
 */
export function isBypassEntry(entry: string): boolean {
  const e = entry.trim();
  if (e === '') return false;
  if (/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(e)) {
    const [ip, bits] = e.split('/') as [string, string];
    return ipv4ToInt(ip) !== null && Number(bits) <= 32;
  }
  if (e.includes(':')) return /^\[?[0-9a-fA-F:]+\]?$/.test(e);
  return /^(\*\.|\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(e);
}

/** Splits what the user typed (commas, semicolons, spaces or lines) into entries. */
export function parseBypassList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

function ipv4ToInt(ip: string): number | null {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
    return null;
  return (((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0) as number;
}

/** True when `hostname` (as in `URL.hostname`) matches an entry of the list. */
export function bypassesProxy(hostname: string, list: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const hostIp = ipv4ToInt(host);
  return list.some((raw) => {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (entry === '') return false;
    if (entry.includes('/')) {
      const [ip, bitsText] = entry.split('/') as [string, string];
      const base = ipv4ToInt(ip);
      const bits = Number(bitsText);
      if (base === null || hostIp === null || !(bits >= 0 && bits <= 32)) return false;
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      return (base & mask) >>> 0 === (hostIp & mask) >>> 0;
    }
    const suffix = entry.startsWith('*.') ? entry.slice(1) : entry.startsWith('.') ? entry : null;
    if (suffix !== null) return host === suffix.slice(1) || host.endsWith(suffix);
    return host === entry;
  });
}

/**
 * The same list for Chromium's `proxyBypassRules`. Chromium always sends loopback direct unless
 * told `<-loopback>`; Fleece lets the user remove loopback from the list, so the rule is explicit.
 */
export function chromiumBypassRules(list: readonly string[]): string {
  const loopback = ['localhost', '127.0.0.0/8', '127.0.0.1', '::1', '[::1]'];
  const keepsLoopback = list.some((e) => loopback.includes(e.trim().toLowerCase()));
  const rules = list.map((e) => (e.startsWith('.') ? `*${e}` : e));
  if (!keepsLoopback) rules.push('<-loopback>');
  return rules.join(';');
}
