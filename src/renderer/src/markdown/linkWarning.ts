// Links that deserve a second look before they open: text dressed as one address leading to
// another (the usual phishing shape), and links into this computer or the local network, where a
// click can reach a router's admin page or a local development server.

export type LinkWarning = 'mismatch' | 'local';

// Text that reads as an address: with a scheme, or a bare host with a dot (`www.x.com/…`).
const SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const BARE_HOST = /^(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*\.?(?::\d+)?(?:[/?#]\S*)?$/i;

/** Why `href` (already an openable http(s) or mailto URL) should be confirmed, or null. */
export function linkWarning(href: string, visibleText: string): LinkWarning | null {
  let target: URL;
  try {
    target = new URL(href);
  } catch {
    return null;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return null;
  if (isLocalHost(target.hostname)) return 'local';
  const shown = shownHost(visibleText.trim());
  if (shown !== null && shown !== target.hostname) return 'mismatch';
  return null;
}

/** The host an address-like link text shows, normalised like a URL's, or null for other text. */
function shownHost(text: string): string | null {
  if (text === '' || /\s/.test(text)) return null;
  const candidate = SCHEME_URL.test(text) ? text : BARE_HOST.test(text) ? `http://${text}` : null;
  if (candidate === null) return null;
  try {
    const url = new URL(candidate);
    return url.hostname === '' ? null : url.hostname;
  } catch {
    return null;
  }
}

/**
 * Loopback, private (RFC 1918), link-local and `.local` hosts, as the URL parser writes them: it
 * already turns `http://2130706433/` and `http://0x7f.1/` into `127.0.0.1`, and IPv6 into its
 * short bracketed form.
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (host.startsWith('[')) return isLocalIpv6(host.slice(1, -1));
  const octets = host.split('.');
  if (octets.length !== 4 || !octets.every((part) => /^\d{1,3}$/.test(part))) return false;
  const [a, b] = octets.map(Number) as [number, number, number, number];
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 192 && b === 168) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 169 && b === 254)
  );
}

function isLocalIpv6(address: string): boolean {
  if (address === '::1' || address === '::') return true;
  // Link-local fe80::/10 and unique-local fc00::/7.
  if (/^fe[89ab][0-9a-f]?:/.test(address) || /^f[cd][0-9a-f]{0,2}:/.test(address)) return true;
  // IPv4-mapped (::ffff:7f00:1 is 127.0.0.1): judge the IPv4 address it carries.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped?.[1] && mapped[2]) {
    const high = parseInt(mapped[1], 16);
    const low = parseInt(mapped[2], 16);
    return isLocalHost(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return false;
}
