import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ownerOnlyFile } from '../security/owner-only';
import type { SecretStore } from '../security/secret-store';
import { DatabaseKeyError, flushFile, newDatabaseKey, readDatabaseKeys, syncFolder, writeDatabaseKeys } from './database-key';

type Db = Database.Database;

const keyOfConnection = new WeakMap<Db, Buffer>();

/**
 * The page size of a database made now. Each page is encrypted and authenticated alone, at a fixed
 * cost per page (a random IV, the HMAC's set-up and final blocks) beside the cost per byte; 16 KiB
 * pages also make the B-trees shallower, so a million-case first sync writes about half the pages.
 * Measured on 200,000 cases: 16 KiB pages sync about twice as fast as 4 KiB ones, and faster than
 * a clear 4 KiB database. Neither the cipher nor the HMAC is weakened: only the unit they cover grows.
 */
export const PAGE_SIZE = 16384;
/**
 * The page size of the databases made before PAGE_SIZE (SQLCipher 4's default). The cipher's page
 * size is not written in clear in the file, and SQLite3 Multiple Ciphers cannot change it on a
 * rekey, so such a file keeps it and is opened by trying both (a wrong one is refused at page 1,
 * nothing written).
 */
const EARLIER_PAGE_SIZE = 4096;
const PAGE_SIZES = [PAGE_SIZE, EARLIER_PAGE_SIZE] as const;

/**
 * The whole database file, its WAL and its full-text index are encrypted page by page in SQLCipher 4's
 * format (AES-256-CBC, HMAC-SHA512 per page, so an altered page is refused) by SQLite3 Multiple
 * Ciphers. The key is raw (32 random bytes), so opening costs no key derivation. `pageSize` must be
 * the file's own (see PAGE_SIZE); a new file takes it.
 */
export function keyConnection(db: Db, key: Buffer, pragma: 'key' | 'rekey' = 'key', pageSize: number = PAGE_SIZE): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`legacy_page_size = ${pageSize}`);
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
  if (pragma === 'key') keyOfConnection.set(db, key);
}

const CLEAR_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file starts as a clear SQLite database does (an encrypted one starts with its random salt). */
export function isClearDatabaseFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(CLEAR_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(CLEAR_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Opens `path` under `key` and `pageSize`; null when they are not this file's. */
function tryOpen(path: string, key: Buffer, pageSize: number, readonly: boolean): Db | null {
  const db = new Database(path, { readonly, fileMustExist: true });
  try {
    keyConnection(db, key, 'key', pageSize);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return null;
    throw error;
  }
}

/** The file an encryption, rekey or restore is built in before it is renamed over the database. */
export const nextFileOf = (dbPath: string): string => `${dbPath}.next`;

/**
 * Copies the database `db` holds (one consistent state) into the empty owner-only file `to`, under
 * the same key; returns the copy's page size (to key it with). A clear database's copy takes
 * PAGE_SIZE; an encrypted one's keeps the page size of its cipher.
 */
export function copyInto(db: Db, to: string): number {
  rmSync(to, { force: true });
  ownerOnlyFile(to);
  if (!keyOf(db)) db.pragma(`page_size = ${PAGE_SIZE}`);
  db.prepare('VACUUM INTO ?').run(to);
  return db.pragma('page_size', { simple: true }) as number;
}

function removeNextFile(dbPath: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(nextFileOf(dbPath) + suffix, { force: true });
}

/**
 * Puts the finished file `<db>.next` (under `nextKey`) in the database's place, whole or not at all.
 * The key file first lists both keys, so whichever file a crash leaves in place opens; the old WAL
 * and shared memory go before the rename (every connection was checkpointed and closed: they hold
 * nothing), since SQLite would otherwise replay the old file's frames onto the new one.
 */
export function swapInNextFile(dbPath: string, secrets: SecretStore, currentKey: Buffer | null, nextKey: Buffer): void {
  const next = nextFileOf(dbPath);
  flushFile(next);
  const both = currentKey !== null && !currentKey.equals(nextKey);
  writeDatabaseKeys(dbPath, secrets, both ? [currentKey, nextKey] : [nextKey]);
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  renameSync(next, dbPath);
  syncFolder(dirname(dbPath));
  if (both) writeDatabaseKeys(dbPath, secrets, [nextKey]);
}

/**
 * A clear database (an earlier version's) is encrypted once, beside itself, and renamed into place:
 * a kill at any moment leaves the clear file whole (and `.next` is thrown away on the next open)
 * or the encrypted one whole. Another process must not be writing to it meanwhile (the app runs once).
 */
function encryptClearFile(dbPath: string, secrets: SecretStore, key: Buffer): void {
  removeNextFile(dbPath);
  const clear = new Database(dbPath, { fileMustExist: true });
  try {
    clear.pragma('wal_checkpoint(TRUNCATE)');
    copyInto(clear, nextFileOf(dbPath));
  } finally {
    clear.close();
  }
  const next = new Database(nextFileOf(dbPath), { fileMustExist: true });
  try {
    next.pragma('journal_mode = DELETE');
    keyConnection(next, key, 'rekey', PAGE_SIZE);
  } finally {
    next.close();
  }
  swapInNextFile(dbPath, secrets, null, key);
}

/** The key of the database at `dbPath`, made (and a clear file encrypted with it) when it has none. */
function keyFor(dbPath: string, secrets: SecretStore): { keys: Buffer[]; fresh: boolean } {
  const keys = readDatabaseKeys(dbPath, secrets);
  // An empty file is one SQLite had only just created: no database yet.
  const exists = existsSync(dbPath) && statSync(dbPath).size > 0;
  if (exists && !isClearDatabaseFile(dbPath)) {
    if (keys) return { keys, fresh: false };
    throw new DatabaseKeyError(
      'DATABASE_KEY_MISSING',
      `Cơ sở dữ liệu ${dbPath} đã được mã hoá nhưng không có tệp khoá ${dbPath}.key bên cạnh. Dữ liệu vẫn nguyên vẹn: hãy đặt lại tệp khoá đó (và secret.key) từ bản sao, hoặc khôi phục một bản sao lưu cùng tệp .key của nó.`,
      `The database ${dbPath} is encrypted but its key file ${dbPath}.key is not beside it. The data is intact: put that key file (and secret.key) back from a copy, or restore a backup with its .key file.`,
    );
  }
  const key = keys?.[0] ?? newDatabaseKey();
  if (!keys) writeDatabaseKeys(dbPath, secrets, [key]);
  if (exists) encryptClearFile(dbPath, secrets, key);
  return { keys: [key], fresh: true };
}

/**
 * Opens the encrypted database at `path` (creating it, or encrypting a clear one in place, when
 * writable). Tries each key the key file lists; one left over from a finished rekey is dropped.
 */
export function openEncrypted(dbPath: string, secrets: SecretStore, options: { readonly?: boolean } = {}): Db {
  const readonly = options.readonly ?? false;
  if (!readonly) removeNextFile(dbPath);
  if (readonly) {
    const keys = readDatabaseKeys(dbPath, secrets);
    if (!keys) throw new DatabaseKeyError('DATABASE_KEY_MISSING', `Không có tệp khoá ${dbPath}.key`, `no key file ${dbPath}.key`);
    return openWithOneOf(dbPath, keys, true);
  }
  const { keys, fresh } = keyFor(dbPath, secrets);
  if (fresh) {
    const db = new Database(dbPath);
    keyConnection(db, keys[0]!);
    return db;
  }
  const db = openWithOneOf(dbPath, keys, false);
  const used = databaseKeyOf(db);
  if (keys.length > 1) writeDatabaseKeys(dbPath, secrets, [used]);
  return db;
}

/** The key a connection was opened with (for a backup's key file and a rekey); null for a clear file. */
export const keyOf = (db: Db): Buffer | null => keyOfConnection.get(db) ?? null;

export function databaseKeyOf(db: Db): Buffer {
  const key = keyOf(db);
  if (!key) throw new Error('not an encrypted database connection');
  return key;
}

/** What another thread needs to open its own connection to an open encrypted database (a worker's). */
export interface DatabaseAddress {
  path: string;
  key: Uint8Array;
  pageSize: number;
}

export const addressOf = (db: Db): DatabaseAddress => ({ path: db.name, key: databaseKeyOf(db), pageSize: db.pragma('page_size', { simple: true }) as number });

/** Another connection to the database at `address`, keyed as the first (which made and migrated it). */
export function openAddress(address: DatabaseAddress): Db {
  const db = new Database(address.path, { fileMustExist: true });
  try {
    keyConnection(db, Buffer.from(address.key), 'key', address.pageSize);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function openWithOneOf(dbPath: string, keys: readonly Buffer[], readonly: boolean): Db {
  for (const key of keys) {
    for (const pageSize of PAGE_SIZES) {
      const db = tryOpen(dbPath, key, pageSize, readonly);
      if (db) return db;
    }
  }
  throw new DatabaseKeyError(
    'DATABASE_KEY_WRONG',
    `Khoá trong ${dbPath}.key không mở được cơ sở dữ liệu ${dbPath} (tệp khoá của cơ sở dữ liệu khác?). Dữ liệu vẫn nguyên vẹn: hãy đặt lại đúng tệp khoá của nó.`,
    `The key in ${dbPath}.key does not open ${dbPath} (another database's key file?). The data is intact: put its own key file back.`,
  );
}

/** A file to read from (a backup): an earlier version's clear file as it is, an encrypted one with its key file. */
export function openToRead(path: string, secrets: SecretStore): Db {
  if (existsSync(path) && isClearDatabaseFile(path)) return new Database(path, { readonly: true, fileMustExist: true });
  return openEncrypted(path, secrets, { readonly: true });
}
