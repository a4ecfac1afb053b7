import { prepared } from './prepared';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, prepareAndMigrate } from '../db/migrations';

export type HubDb = Database.Database;

/** The hub's own SQLite file: WAL, fsync on commit, its numbered migrations (electron/hub/migrations). */
export function openHubDb(path: string, appRoot: string): HubDb {
  const migrations = loadMigrations(join(appRoot, 'electron', 'hub', 'migrations'));
  const db = new Database(path);
  try {
    // A ticket printed is a ticket the hub remembers after a power cut or a kill -9 (every commit fsynced).
    prepareAndMigrate(db, migrations, { secureDelete: false });
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function hubSetting(db: HubDb, key: string): string | null {
  const row = prepared(db, 'SELECT value FROM hub_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setHubSetting(db: HubDb, key: string, value: string): void {
  prepared(db, 'INSERT INTO hub_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
