import type { Db } from '../db';

/** One schema step. `up` runs inside a transaction together with the `user_version` bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
