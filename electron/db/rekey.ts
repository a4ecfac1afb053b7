import type { SecretStore } from '../security/secret-store';
import { newDatabaseKey } from './database-key';
import { copyInto, databaseKeyOf, keyConnection, nextFileOf, openEncrypted, swapInNextFile } from './encrypted-file';
import Database from 'better-sqlite3-multiple-ciphers';

/** The database is in use by another process (the app): a rekey needs it alone. */
export class DatabaseBusyError extends Error {
  constructor(readonly path: string) {
    super(`Cơ sở dữ liệu ${path} đang được dùng: hãy tắt ứng dụng rồi chạy lại / ${path} is in use: stop the app, then run this again`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * Moves the database at `dbPath` to a new random key: a copy is made under the old key, rekeyed
 * (PRAGMA rekey) and renamed into place, the key file listing both keys meanwhile, so a kill at any
 * point leaves a whole database that one of them opens. Backups made before keep their own key files.
 */
export function rekeyDatabase(dbPath: string, secrets: SecretStore): { path: string; rekeyed: true } {
  const db = openEncrypted(dbPath, secrets);
  const oldKey = databaseKeyOf(db);
  const newKey = newDatabaseKey();
  let pageSize: number;
  try {
    // Held until closed: no other process reads or writes while the copy is made.
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DatabaseBusyError(dbPath);
      throw error;
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    pageSize = copyInto(db, nextFileOf(dbPath));
  } finally {
    db.close();
  }
  const next = new Database(nextFileOf(dbPath), { fileMustExist: true });
  try {
    keyConnection(next, oldKey, 'key', pageSize);
    next.pragma('journal_mode = DELETE');
    keyConnection(next, newKey, 'rekey', pageSize);
  } finally {
    next.close();
  }
  swapInNextFile(dbPath, secrets, oldKey, newKey);
  return { path: dbPath, rekeyed: true };
}
