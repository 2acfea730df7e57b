import { HOLYSHEEP } from './presets';

/** Loopback only: a LAN address still carries the traffic across a network in the clear. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Hosts whose keys are the relay's own `hsa-` keys (an `sk-` key there is a mistake). */
export function isHolySheepHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === HOLYSHEEP.hostSuffix || host.endsWith(`.${HOLYSHEEP.hostSuffix}`);
}
