import { describe, expect, it } from 'vitest';
import { networkVerdict } from '../../../src/shared/rules/offline';

describe('networkVerdict', () => {
  it('says the network is down only when a request reached nobody', () => {
    expect(networkVerdict('network')).toBe('down');
    expect(networkVerdict('timeout_connect')).toBe('down');
  });

  it('never says offline for a relay that answered (wrong key, missing /v1, server error)', () => {
    for (const kind of ['auth', 'bad_request', 'model_not_found', 'server', 'rate_limited'])
      expect(networkVerdict(kind)).toBe('up');
  });

  it('draws no conclusion from other failures', () => {
    expect(networkVerdict('protocol')).toBe('unknown');
    expect(networkVerdict(undefined)).toBe('unknown');
  });
});
