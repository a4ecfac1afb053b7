import type { Db } from './connection';
import { storedRole } from './machine-role';
import { schemaVersion } from './migrations';

const COUNTED = ['cases', 'procedures', 'synced_objects', 'centres', 'devices', 'audit_log'] as const;

/** What `motcua db stats` prints: schema, row counts, the change-feed cursor, the outbox by state, and the machine's role (null when none is stored). */
export function databaseStats(db: Db, feed: string) {
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const outbox = (state: string) => (db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE state = ?').get(state) as { n: number }).n;
  const cursor = db.prepare<[string], { cursor: number }>('SELECT cursor FROM sync_state WHERE feed = ?').get(feed)?.cursor ?? 0;
  return {
    schemaVersion: schemaVersion(db),
    counts: Object.fromEntries(COUNTED.map((t) => [t, count(t)])),
    cursor,
    outbox: { pending: outbox('pending'), sent: outbox('sent'), attention: outbox('attention') },
    role: storedRole(db),
  };
}
