import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { SecretUnreadableError, type SecretStore } from '../security/secret-store';

/**
 * The key of the whole database file: 32 random bytes, kept beside the database in `<db>.key`
 * only sealed by the secret store (the OS keyring through safeStorage, else the 0600 `secret.key`).
 * The file lists the keys the database may be under, the current one first: a second one is there
 * only while a rekey or a migration is under way, so a crash at any point leaves a key that opens.
 */
export const databaseKeyFile = (dbPath: string): string => `${dbPath}.key`;

const KEY_BYTES = 32;
const FORMAT = 'motcua-database-key/1';

export const newDatabaseKey = (): Buffer => randomBytes(KEY_BYTES);

/** The database's key cannot be had: told calmly in Vietnamese and English, with what to do. */
export class DatabaseKeyError extends Error {
  constructor(
    readonly code: 'DATABASE_KEY_MISSING' | 'DATABASE_KEY_UNREADABLE' | 'DATABASE_KEY_WRONG',
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
    this.name = 'DatabaseKeyError';
  }
}

export const keyUnreadable = (path: string, reason: string) =>
  new DatabaseKeyError(
    'DATABASE_KEY_UNREADABLE',
    `Không mở được khóa của cơ sở dữ liệu ${path} (${reason}). Dữ liệu vẫn nguyên vẹn. Hãy chạy lệnh trên đúng máy và bằng đúng tài khoản đã tạo nó (khóa được niêm phong bằng kho khóa của hệ điều hành hoặc tệp secret.key bên cạnh), hoặc khôi phục tệp secret.key từ bản sao.`,
    `The database key of ${path} cannot be opened (${reason}). The data is intact. Run this on the machine and as the user that made it (the key is sealed by the OS keyring or by the secret.key file beside it), or put back secret.key from its copy.`,
  );

/** Writes `bytes` to `path` whole or not at all: a flushed temporary file renamed over it, then the folder flushed. */
export function replaceFileDurably(path: string, bytes: Buffer | string, mode = 0o600): void {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', mode);
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/** Flushes a file's bytes to the disk. */
export function flushFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder, so a rename or a new file in it outlives a power cut (not possible on Windows). */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The keys `<db>.key` holds, opened; null when there is no key file. */
export function readDatabaseKeys(dbPath: string, secrets: SecretStore): Buffer[] | null {
  const file = databaseKeyFile(dbPath);
  if (!existsSync(file)) return null;
  let sealed: string[];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; keys?: unknown };
    if (parsed.format !== FORMAT || !Array.isArray(parsed.keys) || !parsed.keys.every((k) => typeof k === 'string') || parsed.keys.length === 0) throw new Error('bad');
    sealed = parsed.keys as string[];
  } catch {
    throw keyUnreadable(dbPath, `${file} is not a key file`);
  }
  try {
    return sealed.map((s) => {
      const key = Buffer.from(secrets.open(s), 'hex');
      if (key.length !== KEY_BYTES) throw new SecretUnreadableError('corrupt');
      return key;
    });
  } catch (error) {
    if (!(error instanceof SecretUnreadableError)) throw error;
    throw keyUnreadable(dbPath, error.reason === 'other-store' ? 'sealed by another secret store' : 'sealed with another secret key');
  }
}

/** Puts `keys` (the current one first) in `<db>.key`, each sealed, whole or not at all. */
export function writeDatabaseKeys(dbPath: string, secrets: SecretStore, keys: readonly Buffer[]): void {
  const body = { format: FORMAT, keys: keys.map((k) => secrets.seal(k.toString('hex'))) };
  replaceFileDurably(databaseKeyFile(dbPath), `${JSON.stringify(body)}\n`);
}
