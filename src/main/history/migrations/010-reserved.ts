import type { Migration } from './types';

/**
 * Number 10 is taken by a change made alongside this one (another schema step); until it lands
 * here this step does nothing, so versions stay consecutive. Replace it with that migration.
 */
export const reserved10: Migration = {
  version: 10,
  name: 'reserved',
  up() {},
};
