/**
 * The cipher's page size: databases made now (new, or encrypted from an earlier version's clear
 * file) have 16 KiB pages; an encrypted file an earlier version made with SQLCipher 4's 4 KiB pages
 * keeps opening with its rows, and a rekey and a backup of it keep its pages and open too.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, expect, it } from 'vitest';
import { backupDatabase } from '../../electron/db/backup';
import { CaseRepository, type CaseRecord } from '../../electron/db/case-repository';
import { openDatabase, openDatabaseFile, type Db } from '../../electron/db/connection';
import { newDatabaseKey, writeDatabaseKeys } from '../../electron/db/database-key';
import { isClearDatabaseFile, keyConnection, PAGE_SIZE } from '../../electron/db/encrypted-file';
import { loadMigrations, migrate } from '../../electron/db/migrations';
import { rekeyDatabase } from '../../electron/db/rekey';
import { keyFileSecretStore } from '../../electron/security/secret-store';
import { makeTempDir } from '../support/temp-dir';

const MIGRATIONS = join(process.cwd(), 'electron', 'db', 'migrations');
const tmp = makeTempDir('motcua-page-size-');
afterAll(() => tmp.cleanup());

const kase: CaseRecord = {
  id: 'c1',
  seq: 1,
  receiptCode: 'MC-260105-0000001',
  procedureCode: 'CC.CAP-DOI',
  applicant: { personalNumber: '001090012345', fullName: 'Lê Thị Mai' },
  status: 'processing',
  receivedAt: '2026-01-05T02:00:00.000Z',
  dueAt: '2026-01-12T10:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
  timeline: [],
};

const pageSize = (db: Db) => db.pragma('page_size', { simple: true }) as number;

/** Opens the file as the app does and says its page size and whether the case is there. */
function opened(path: string): { pageSize: number; found: boolean } {
  const { db } = openDatabase(path, MIGRATIONS);
  try {
    return { pageSize: pageSize(db), found: new CaseRepository(db).byReceiptCode(kase.receiptCode) !== null };
  } finally {
    db.close();
  }
}

it('a new database has 16 KiB pages, and so has an earlier version’s clear file once encrypted', () => {
  expect(PAGE_SIZE).toBe(16384);
  const fresh = openDatabase(join(tmp.dir, 'new.db'), MIGRATIONS).db;
  expect(pageSize(fresh)).toBe(16384);
  fresh.close();

  const clearPath = join(tmp.dir, 'clear.db');
  const clear = new Database(clearPath);
  clear.pragma('journal_mode = WAL');
  migrate(clear, loadMigrations(MIGRATIONS));
  new CaseRepository(clear).upsert(kase);
  clear.close();
  expect(opened(clearPath)).toEqual({ pageSize: 16384, found: true });
  expect(isClearDatabaseFile(clearPath)).toBe(false);
});

it('an encrypted database of 4 KiB pages opens as it is, and a rekey and a backup of it keep opening', async () => {
  const path = join(tmp.dir, 'earlier.db');
  const secrets = keyFileSecretStore(tmp.dir);
  const key = newDatabaseKey();
  writeDatabaseKeys(path, secrets, [key]);
  // As the earlier version made it: SQLCipher 4's defaults, 4 KiB pages.
  const earlier = new Database(path);
  keyConnection(earlier, key, 'key', 4096);
  earlier.pragma('journal_mode = WAL');
  migrate(earlier, loadMigrations(MIGRATIONS));
  new CaseRepository(earlier).upsert(kase);
  earlier.close();

  expect(opened(path)).toEqual({ pageSize: 4096, found: true });
  rekeyDatabase(path, secrets);
  expect(opened(path)).toEqual({ pageSize: 4096, found: true });

  const { db } = openDatabase(path, MIGRATIONS);
  try {
    await backupDatabase(db, join(tmp.dir, 'backup.db'), loadMigrations(MIGRATIONS).length, secrets);
  } finally {
    db.close();
  }
  const backup = openDatabaseFile(join(tmp.dir, 'backup.db'), { readonly: true, secrets });
  expect(pageSize(backup)).toBe(4096);
  expect(new CaseRepository(backup).count()).toBe(1);
  backup.close();
});
