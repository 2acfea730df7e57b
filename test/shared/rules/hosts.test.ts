import { describe, expect, it } from 'vitest';
import { isHolySheepHost, isLoopbackHost } from '../../../src/shared/rules/hosts';
import { HOLYSHEEP, PRESETS } from '../../../src/shared/rules/presets';

describe('host rules', () => {
  it('loopback: localhost, 127.0.0.0/8 and ::1 only, not the LAN', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['192.168.1.10', '10.0.0.1', 'localhost.example.com', '127.0.0.1.nip.io'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('HolySheep: the domain and its subdomains, not look-alikes', () => {
    expect(isHolySheepHost(new URL(HOLYSHEEP.baseUrl).hostname)).toBe(true);
    expect(isHolySheepHost('HolySheep.AI')).toBe(true);
    expect(isHolySheepHost('notholysheep.ai')).toBe(false);
    expect(isHolySheepHost('holysheep.ai.example.com')).toBe(false);
  });

  it('local presets point at loopback, remote presets at https with a key page', () => {
    for (const preset of Object.values(PRESETS)) {
      if (preset.id === 'custom') continue;
      const url = new URL(preset.baseUrl);
      if (preset.requiresKey) {
        expect(url.protocol, preset.id).toBe('https:');
        expect(preset.keyUrl, preset.id).toMatch(/^https:\/\//);
      } else {
        expect(isLoopbackHost(url.hostname), preset.id).toBe(true);
      }
    }
  });
});
