import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, migrate, schemaVersion, DatabaseTooNewError } from '../db/migrations';

export type HubDb = Database.Database;

/** The hub's own SQLite file: WAL, fsync on commit, its numbered migrations (electron/hub/migrations). */
export function openHubDb(path: string, appRoot: string): HubDb {
  const migrations = loadMigrations(join(appRoot, 'electron', 'hub', 'migrations'));
  const db = new Database(path);
  try {
    const found = schemaVersion(db);
    if (found > migrations.length) throw new DatabaseTooNewError(found, migrations.length);
    db.pragma('journal_mode = WAL');
    // A ticket printed is a ticket the hub remembers after a power cut or a kill -9.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function hubSetting(db: HubDb, key: string): string | null {
  const row = db.prepare('SELECT value FROM hub_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setHubSetting(db: HubDb, key: string, value: string): void {
  db.prepare('INSERT INTO hub_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
