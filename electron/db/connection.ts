import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { keyFileSecretStore, type SecretStore } from '../security/secret-store';
import { ownerOnlyFile } from '../security/owner-only';
import { isClearDatabaseFile, openAddress, openEncrypted, type DatabaseAddress } from './encrypted-file';
import { attachFieldCipher, encryptClearFields } from './field-encryption';
import { DatabaseTooNewError, loadMigrations, prepareAndMigrate, schemaVersion, workPragmas, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  migrations: Migration[];
}

export interface OpenOptions {
  /** Seals the database's key and the data key of personal fields: the OS keyring where the app has one; by default the key file beside the database. */
  secrets?: SecretStore;
}

const isMemory = (path: string) => path === ':memory:' || path === '';

/**
 * The database file alone, opened with its key (electron/db/encrypted-file.ts): no migrations, no
 * pragmas. For tools and tests that read a machine's file; the app opens it with openDatabase.
 */
export function openDatabaseFile(path: string, options: OpenOptions & { readonly?: boolean } = {}): Db {
  if (isMemory(path)) return new Database(path);
  return openEncrypted(path, options.secrets ?? keyFileSecretStore(dirname(path)), { readonly: options.readonly ?? false });
}

/** A clear file of a newer schema is refused before it is encrypted, so it stays as that version left it. */
function refuseNewerClearFile(path: string, known: number): void {
  if (isMemory(path) || !existsSync(path) || !isClearDatabaseFile(path)) return;
  const db = new Database(path, { readonly: true });
  try {
    const found = schemaVersion(db);
    if (found > known) throw new DatabaseTooNewError(found, known);
  } finally {
    db.close();
  }
}

/**
 * Opens (creating if needed) the machine's encrypted database in WAL mode (a clear one from an earlier
 * version is encrypted in place first), brings its schema up to date and
 * gives the connection its field cipher (electron/db/field-encryption.ts); personal values an
 * earlier version stored in clear are encrypted here, once.
 */
export function openDatabase(path: string, migrationsDir: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = loadMigrations(migrationsDir);
  refuseNewerClearFile(path, migrations.length);
  if (!isMemory(path)) {
    // Owner-only before SQLite creates it, so its WAL and shared-memory files are made the same way; narrowed if found wider.
    ownerOnlyFile(path);
    for (const side of [`${path}-wal`, `${path}-shm`]) if (existsSync(side)) ownerOnlyFile(side);
  }
  const db = openDatabaseFile(path, options);
  try {
    // Deleted and rewritten values are zeroed in the file, not left in free space.
    prepareAndMigrate(db, migrations, { secureDelete: true });
    const cipher = attachFieldCipher(db, isMemory(path) ? null : (options.secrets ?? keyFileSecretStore(dirname(path))));
    // The clear copies the rewrite leaves in the WAL go with it.
    if (encryptClearFields(db, cipher) > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, migrations };
}

/**
 * A second connection, for a worker thread, to a database openDatabase opened: the same key and
 * the same pragmas, no migrations (the first connection ran them). WAL lets the first read while it writes.
 */
export function openSecondConnection(address: DatabaseAddress): Db {
  const db = openAddress(address);
  try {
    workPragmas(db, { secureDelete: true });
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
