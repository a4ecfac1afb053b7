import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from '../security/secret-store';
import type { Db } from './connection';
import { DatabaseKeyError, databaseKeyFile, flushFile, syncFolder, writeDatabaseKeys } from './database-key';
import { copyInto, databaseKeyOf, keyConnection, keyOf, nextFileOf, openEncrypted, openToRead, swapInNextFile } from './encrypted-file';
import { newDatabaseKey } from './database-key';
import Database from 'better-sqlite3-multiple-ciphers';
import { schemaVersion } from './migrations';

/** What a backup or a restore reports: the file, its size, its schema and that SQLite found it whole. */
export interface BackupFile {
  path: string;
  bytes: number;
  schemaVersion: number;
  integrity: 'ok';
}

/** Refused before anything is written, with the reason in Vietnamese and English. */
export class BackupError extends Error {
  constructor(
    readonly code: 'BACKUP_TARGET_EXISTS' | 'BACKUP_NOT_FOUND' | 'BACKUP_UNREADABLE' | 'BACKUP_DAMAGED' | 'BACKUP_TOO_NEW' | 'BACKUP_KEY_UNAVAILABLE',
    vi: string,
    en: string,
  ) {
    super(`${vi} / ${en}`);
    this.name = 'BackupError';
  }
}

/** A backup's key cannot be had: it restores only where its key file opens (the machine's secret store). */
const keyUnavailable = (path: string, cause: DatabaseKeyError) =>
  new BackupError(
    'BACKUP_KEY_UNAVAILABLE',
    `Không mở được khoá của bản sao lưu ${path}: cần tệp ${databaseKeyFile(path)} bên cạnh và kho khoá của máy đã tạo nó (${cause.code})`,
    `the key of the backup ${path} cannot be opened: it needs ${databaseKeyFile(path)} beside it and the secret store of the machine that made it (${cause.code})`,
  );

/** Opens `path` read-only with its key file and checks it is a whole SQLite database of a schema this app knows. */
function checkedFile(path: string, knownSchema: number, secrets: SecretStore): BackupFile {
  if (!existsSync(path)) throw new BackupError('BACKUP_NOT_FOUND', `Không tìm thấy tệp sao lưu ${path}`, `backup file not found: ${path}`);
  let db: Db | undefined;
  try {
    db = openToRead(path, secrets);
    const problems = db.pragma('integrity_check') as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw new BackupError('BACKUP_DAMAGED', 'Tệp sao lưu bị hỏng (integrity_check)', 'the backup is damaged (integrity_check failed)');
    }
    const version = schemaVersion(db);
    if (version > knownSchema) {
      throw new BackupError('BACKUP_TOO_NEW', `Tệp sao lưu của phiên bản mới hơn (lược đồ ${version})`, `the backup is from a newer version (schema ${version})`);
    }
    return { path, bytes: statSync(path).size, schemaVersion: version, integrity: 'ok' };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if (error instanceof DatabaseKeyError && error.code !== 'DATABASE_KEY_WRONG') throw keyUnavailable(path, error);
    throw new BackupError('BACKUP_UNREADABLE', 'Tệp không phải cơ sở dữ liệu MotCua đọc được', 'not a readable MotCua database');
  } finally {
    db?.close();
  }
}

/**
 * Copies the live database to `to` (VACUUM INTO: one consistent state while the app may keep
 * writing), encrypted under the database's own key, whose sealed copy goes beside it in `<to>.key`;
 * then checks the copy. Never overwrites a file.
 */
export async function backupDatabase(db: Db, to: string, knownSchema: number, secrets: SecretStore): Promise<BackupFile> {
  if (existsSync(to)) throw new BackupError('BACKUP_TARGET_EXISTS', `Tệp ${to} đã có; chọn tên khác`, `${to} already exists; choose another name`);
  writeDatabaseKeys(to, secrets, [databaseKeyOf(db)]);
  // VACUUM INTO cut short leaves a partial file: it gets its name only once whole and flushed.
  const partial = `${to}.partial`;
  try {
    copyInto(db, partial);
    flushFile(partial);
    renameSync(partial, to);
    syncFolder(dirname(to));
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(databaseKeyFile(to), { force: true });
    throw error;
  }
  return checkedFile(to, knownSchema, secrets);
}

/**
 * Puts a checked backup in place of the database at `dbPath`, under the database's own key: built
 * beside it and renamed in (electron/db/encrypted-file.ts), so a crash leaves one whole database.
 * The state it replaces is first saved to `safetyCopy`, so a restore loses nothing either. The app
 * must not be running on that database meanwhile.
 */
export async function restoreDatabase(dbPath: string, from: string, safetyCopy: string, knownSchema: number, secrets: SecretStore): Promise<{ restored: BackupFile; previous: BackupFile | null }> {
  checkedFile(from, knownSchema, secrets);
  let previous: BackupFile | null = null;
  let key: Buffer | null = null;
  if (existsSync(dbPath)) {
    const current = openEncrypted(dbPath, secrets);
    try {
      previous = await backupDatabase(current, safetyCopy, Number.MAX_SAFE_INTEGER, secrets);
      current.pragma('wal_checkpoint(TRUNCATE)');
      key = databaseKeyOf(current);
    } finally {
      current.close();
    }
  }
  const source = openToRead(from, secrets);
  const sourceKey = keyOf(source);
  let pageSize: number;
  try {
    pageSize = copyInto(source, nextFileOf(dbPath));
  } finally {
    source.close();
  }
  const targetKey = key ?? newDatabaseKey();
  const next = new Database(nextFileOf(dbPath), { fileMustExist: true });
  try {
    if (sourceKey) keyConnection(next, sourceKey, 'key', pageSize);
    next.pragma('journal_mode = DELETE');
    keyConnection(next, targetKey, 'rekey', pageSize);
  } finally {
    next.close();
  }
  swapInNextFile(dbPath, secrets, key, targetKey);
  return { restored: checkedFile(dbPath, knownSchema, secrets), previous };
}

