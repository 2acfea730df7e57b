import type BetterSqlite3 from 'better-sqlite3';

export type Db = BetterSqlite3.Database;
export type Statement = BetterSqlite3.Statement;

const cache = new WeakMap<Db, Map<string, Statement>>();

/** Prepared once per connection: preparing costs more than running the small queries here. */
export function stmt(db: Db, sql: string): Statement {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let statement = perDb.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    perDb.set(sql, statement);
  }
  return statement;
}
