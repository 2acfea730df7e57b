import { describe, expect, it } from 'vitest';
import { initialRange, viewerTimeZone } from '../../../src/renderer/src/store/slices/usageSlice';
import { rangeForPreset } from '../../../src/renderer/src/components/usage/usageRange';

describe('initialRange', () => {
  it('is this month in the viewer zone, as the Usage screen computes it', () => {
    const instants = [
      Date.UTC(2025, 0, 1, 0, 30),
      Date.UTC(2025, 1, 28, 23, 59),
      Date.UTC(2024, 1, 29, 12),
      Date.UTC(2025, 11, 31, 23, 0),
      Date.now(),
    ];
    for (const t of instants)
      expect(initialRange(t)).toEqual(rangeForPreset('thisMonth', t, viewerTimeZone()));
  });
});
