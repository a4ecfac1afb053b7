import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './connection';
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
    readonly code: 'BACKUP_TARGET_EXISTS' | 'BACKUP_NOT_FOUND' | 'BACKUP_UNREADABLE' | 'BACKUP_DAMAGED' | 'BACKUP_TOO_NEW',
    vi: string,
    en: string,
  ) {
    super(`${vi} / ${en}`);
    this.name = 'BackupError';
  }
}

/** Opens `path` read-only and checks it is a whole SQLite database of a schema this app knows. */
function checkedFile(path: string, knownSchema: number): BackupFile {
  if (!existsSync(path)) throw new BackupError('BACKUP_NOT_FOUND', `Không tìm thấy tệp sao lưu ${path}`, `backup file not found: ${path}`);
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
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
    throw new BackupError('BACKUP_UNREADABLE', 'Tệp không phải cơ sở dữ liệu MotCua đọc được', 'not a readable MotCua database');
  } finally {
    db?.close();
  }
}

/**
 * Copies the live database to `to` with SQLite's online backup (the app may keep writing: the copy
 * is one consistent state), then checks the copy. Never overwrites a file.
 */
export async function backupDatabase(db: Db, to: string, knownSchema: number): Promise<BackupFile> {
  if (existsSync(to)) throw new BackupError('BACKUP_TARGET_EXISTS', `Tệp ${to} đã có; chọn tên khác`, `${to} already exists; choose another name`);
  await db.backup(to);
  return checkedFile(to, knownSchema);
}

/**
 * Puts a checked backup back into the database at `dbPath`, through the online backup API (so the
 * copy is written under SQLite's locks, whole or not at all). The state it replaces is first saved
 * to `safetyCopy`, so a restore loses nothing either.
 */
export async function restoreDatabase(dbPath: string, from: string, safetyCopy: string, knownSchema: number): Promise<{ restored: BackupFile; previous: BackupFile | null }> {
  checkedFile(from, knownSchema);
  let previous: BackupFile | null = null;
  if (existsSync(dbPath)) {
    const current = new Database(dbPath, { fileMustExist: true });
    try {
      previous = await backupDatabase(current, safetyCopy, Number.MAX_SAFE_INTEGER);
    } finally {
      current.close();
    }
  }
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(dbPath);
  } finally {
    source.close();
  }
  return { restored: checkedFile(dbPath, knownSchema), previous };
}
