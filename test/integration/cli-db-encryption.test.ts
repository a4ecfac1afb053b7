/**
 * The whole database encrypted at rest, through the real `motcua` CLI in its own processes: an
 * earlier version's clear file is encrypted at its first open and `motcua search` finds what it
 * found before; a backup stays encrypted and restores only with its key file and this machine's
 * secret store; `motcua db rekey` moves the file to a new key; `motcua doctor` says calmly when the
 * key cannot be opened.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRepository, type CaseRecord } from '../../electron/db/case-repository';
import { databaseKeyFile, readDatabaseKeys } from '../../electron/db/database-key';
import { isClearDatabaseFile, keyConnection } from '../../electron/db/encrypted-file';
import { loadMigrations, migrate } from '../../electron/db/migrations';
import { SyncStateRepository } from '../../electron/db/sync-state-repository';
import { keyFileSecretStore, SECRET_KEY_FILE } from '../../electron/security/secret-store';
import { clearTextIn } from '../support/clear-text';
import { runMotcua } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir('motcua-cli-encryption-');
const dbPath = join(tmp.dir, 'motcua.db');
const backupPath = join(tmp.dir, 'backup.db');
const NAME = 'Nguyễn Thị Hường';
const NUMBER = '001090012345';
afterAll(() => tmp.cleanup());

const kase: CaseRecord = {
  id: 'c1',
  seq: 1,
  receiptCode: 'MC-260105-0000001',
  procedureCode: 'CC.CAP-DOI',
  applicant: { personalNumber: NUMBER, fullName: NAME },
  status: 'processing',
  receivedAt: '2026-01-05T02:00:00.000Z',
  dueAt: '2026-01-12T10:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
  timeline: [],
};

/** A database as an earlier version left it: clear, in WAL mode, the case in the register. */
beforeAll(() => {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  migrate(db, loadMigrations(join(process.cwd(), 'electron', 'db', 'migrations')));
  new CaseRepository(db).upsert(kase);
  new SyncStateRepository(db).advance('changes', 1);
  db.close();
});

async function search(path: string, query: string): Promise<string[]> {
  const run = await runMotcua('search', '--db', path, '--query', query, '--json');
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { cases: { receiptCode: string }[] }).cases.map((c) => c.receiptCode);
}

async function db(...args: string[]) {
  const run = await runMotcua('db', ...args);
  return { status: run.status, json: JSON.parse(run.stdout) as { ok: boolean; error?: { code: string; message: string } } };
}

const currentKey = (path: string) => readDatabaseKeys(path, keyFileSecretStore(tmp.dir))!;

describe('the database encrypted at rest, through the CLI', { timeout: 90_000 }, () => {
  it('an earlier version\'s clear file: search finds what it found before, and no name or number is left in clear', async () => {
    expect(clearTextIn(dbPath, [NAME, NUMBER])).not.toEqual([]);
    expect(await search(dbPath, 'nguyen thi huong')).toEqual([kase.receiptCode]);
    expect(isClearDatabaseFile(dbPath)).toBe(false);
    expect(clearTextIn(dbPath, [NAME, NUMBER])).toEqual([]);
    expect(await search(dbPath, NUMBER)).toEqual([kase.receiptCode]);
    // The key file holds one key, sealed: not the raw bytes.
    const [key] = currentKey(dbPath);
    expect(readFileSync(databaseKeyFile(dbPath)).includes(Buffer.from(key!.toString('hex')))).toBe(false);
  });

  it('a backup is encrypted and restores only where its key opens', async () => {
    expect(await db('backup', '--db', dbPath, '--to', backupPath)).toMatchObject({ status: 0, json: { ok: true } });
    expect(isClearDatabaseFile(backupPath)).toBe(false);
    for (const file of [backupPath, `${backupPath}.key`]) expect(statSync(file).mode & 0o077, file).toBe(0);
    expect(clearTextIn(backupPath, [NAME, NUMBER])).toEqual([]);

    // Another machine, with its own secret.key: the backup and its key file alone do not restore.
    const other = join(tmp.dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, SECRET_KEY_FILE), randomBytes(32), { mode: 0o600 });
    copyFileSync(backupPath, join(other, 'backup.db'));
    copyFileSync(`${backupPath}.key`, join(other, 'backup.db.key'));
    const refused = await db('restore', '--db', join(other, 'motcua.db'), '--from', join(other, 'backup.db'));
    expect(refused).toMatchObject({ status: 1, json: { ok: false, error: { code: 'BACKUP_KEY_UNAVAILABLE' } } });
    expect(refused.json.error!.message).toMatch(/Không mở được khóa.*\/.*cannot be opened/);
    // With this machine's secret.key it does.
    copyFileSync(join(tmp.dir, SECRET_KEY_FILE), join(other, SECRET_KEY_FILE));
    expect(await db('restore', '--db', join(other, 'motcua.db'), '--from', join(other, 'backup.db'))).toMatchObject({ status: 0, json: { ok: true } });
    expect(await search(join(other, 'motcua.db'), 'huong')).toEqual([kase.receiptCode]);
  });

  it('db rekey moves the file to a new key: the old one no longer opens it, the data is all there, older backups still restore', async () => {
    const [before] = currentKey(dbPath);
    expect(await db('rekey', '--db', dbPath)).toMatchObject({ status: 0, json: { ok: true } });
    const after = currentKey(dbPath);
    expect(after).toHaveLength(1);
    expect(after[0]!.equals(before!)).toBe(false);
    const old = new Database(dbPath, { readonly: true });
    keyConnection(old, before!);
    expect(() => old.prepare('SELECT count(*) FROM cases').get()).toThrow(/not a database/);
    old.close();
    expect(await search(dbPath, 'nguyen thi huong')).toEqual([kase.receiptCode]);
    expect(clearTextIn(dbPath, [NAME, NUMBER])).toEqual([]);
    // The file renamed in is owner-only, as the one it replaced.
    expect(statSync(dbPath).mode & 0o077).toBe(0);

    // The backup made under the old key restores, and the database stays under the new key.
    expect(await db('restore', '--db', dbPath, '--from', backupPath)).toMatchObject({ status: 0, json: { ok: true } });
    expect(currentKey(dbPath)[0]!.equals(after[0]!)).toBe(true);
    expect(await search(dbPath, 'huong')).toEqual([kase.receiptCode]);
  });

  it('doctor says calmly that the key cannot be opened, and what to do, leaving the database as it is', async () => {
    const copy = join(tmp.dir, 'elsewhere');
    mkdirSync(copy);
    copyFileSync(dbPath, join(copy, 'motcua.db'));
    copyFileSync(`${dbPath}.key`, join(copy, 'motcua.db.key'));
    writeFileSync(join(copy, SECRET_KEY_FILE), randomBytes(32), { mode: 0o600 });
    const bytes = readFileSync(join(copy, 'motcua.db'));
    const run = await runMotcua('doctor', '--json', '--db', join(copy, 'motcua.db'));
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { database: { key: string }; problems: string[] };
    expect(report.database.key).toBe('DATABASE_KEY_UNREADABLE');
    expect(run.stderr.trim().split('\n')).toEqual(report.problems);
    expect(report.problems[0]).toMatch(/Dữ liệu vẫn nguyên vẹn.*The data is intact.*secret\.key/);
    expect(run.stderr).not.toMatch(/at \w+ \(|Error:/);
    expect(readFileSync(join(copy, 'motcua.db')).equals(bytes)).toBe(true);
  });
});
