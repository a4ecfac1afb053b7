import Database from 'better-sqlite3';
import { DatabaseTooNewError, loadMigrations, migrate, schemaVersion, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  migrations: Migration[];
}

/** Opens (creating if needed) the machine's database in WAL mode and brings its schema up to date. */
export function openDatabase(path: string, migrationsDir: string): OpenedDatabase {
  const migrations = loadMigrations(migrationsDir);
  const db = new Database(path);
  try {
    // Refuse a newer schema before anything, even the journal mode, is written to the file.
    const found = schemaVersion(db);
    if (found > migrations.length) throw new DatabaseTooNewError(found, migrations.length);
    db.pragma('journal_mode = WAL');
    // Every commit fsyncs the WAL, so what a screen was told is saved (a queued dossier, a consent)
    // outlives a power cut. better-sqlite3 is built to reopen a WAL file at NORMAL, which keeps the
    // file whole but may lose the last commits.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, migrations };
}
