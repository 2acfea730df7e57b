import type { Migration } from './types';

/**
 * Number 9 is taken by a change made alongside this one (message attachments); until it lands
 * here this step does nothing, so versions stay consecutive. Replace it with that migration.
 */
export const reserved9: Migration = {
  version: 9,
  name: 'reserved',
  up() {},
};
