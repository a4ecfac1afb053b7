import type Database from 'better-sqlite3-multiple-ciphers';

type Statement = Database.Statement<unknown[], unknown>;
const cache = new WeakMap<Database.Database, Map<string, Statement>>();

/**
 * The statement for this SQL, prepared once per database. The hub runs the same few queries
 * thousands of times an hour: preparing each time costs CPU, and the native statements pile up
 * outside V8's heap until a full collection, so the hub's memory climbs all day.
 */
export function prepared(db: Database.Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
