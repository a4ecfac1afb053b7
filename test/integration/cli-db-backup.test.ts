import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRepository, type CaseRecord } from '../../electron/db/case-repository';
import { openDatabase, openDatabaseFile } from '../../electron/db/connection';
import { runMotcua } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

// The real `motcua db backup` / `db restore` in their own processes, on real SQLite files.
const tmp = makeTempDir('motcua-cli-backup-');
const dbPath = join(tmp.dir, 'motcua.sqlite');
const backupPath = join(tmp.dir, 'backup.sqlite');
afterAll(() => tmp.cleanup());

const MIGRATIONS = join(process.cwd(), 'electron', 'db', 'migrations');
const kase = (n: number): CaseRecord => ({
  id: `c${n}`,
  seq: n,
  receiptCode: `MC-260105-${String(n).padStart(7, '0')}`,
  procedureCode: 'CC.CAP-DOI',
  applicant: { personalNumber: '001090012345', fullName: 'Nguyễn Thị Hường' },
  status: 'processing',
  receivedAt: '2026-01-05T02:00:00.000Z',
  dueAt: '2026-01-12T10:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
  timeline: [],
});

function addCases(from: number, to: number): void {
  const { db } = openDatabase(dbPath, MIGRATIONS);
  const repo = new CaseRepository(db);
  db.transaction(() => {
    for (let n = from; n <= to; n++) repo.upsert(kase(n));
  })();
  db.close();
}

const caseCount = (path: string) => {
  const db = openDatabaseFile(path, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

async function motcua(...args: string[]) {
  const run = await runMotcua('db', ...args);
  return { status: run.status, json: JSON.parse(run.stdout) as { ok: boolean; error?: { code: string; message: string }; [k: string]: unknown } };
}

beforeAll(() => addCases(1, 50));

describe('motcua db backup / restore', { timeout: 90_000 }, () => {
  it('backs up a database that another connection holds open mid-transaction: the copy is the last committed state, checked', async () => {
    const writer = openDatabase(dbPath, MIGRATIONS).db;
    writer.exec('BEGIN IMMEDIATE');
    new CaseRepository(writer).upsert(kase(999));
    const { status, json } = await motcua('backup', '--db', dbPath, '--to', backupPath);
    writer.exec('ROLLBACK');
    writer.close();
    expect(status).toBe(0);
    expect(json).toMatchObject({ ok: true, backup: { path: backupPath, integrity: 'ok', schemaVersion: readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).length } });
    expect(caseCount(backupPath)).toBe(50);
  });

  it('refuses to overwrite an existing file, and a database that does not exist', async () => {
    const again = await motcua('backup', '--db', dbPath, '--to', backupPath);
    expect(again).toMatchObject({ status: 1, json: { ok: false, error: { code: 'BACKUP_TARGET_EXISTS' } } });
    expect(again.json.error!.message).toMatch(/đã có.*\/.*already exists/);
    const missing = await motcua('backup', '--db', join(tmp.dir, 'none.sqlite'), '--to', join(tmp.dir, 'x.sqlite'));
    expect(missing).toMatchObject({ status: 1, json: { ok: false, error: { code: 'BACKUP_NOT_FOUND' } } });
    expect(existsSync(join(tmp.dir, 'none.sqlite'))).toBe(false);
  });

  it('restores the backup over later changes and keeps the replaced state beside the database', async () => {
    addCases(51, 80);
    expect(caseCount(dbPath)).toBe(80);
    const { status, json } = await motcua('restore', '--db', dbPath, '--from', backupPath);
    expect(status).toBe(0);
    expect(json).toMatchObject({ ok: true, restored: { integrity: 'ok' }, previous: { integrity: 'ok' } });
    expect(caseCount(dbPath)).toBe(50);
    const previous = (json.previous as { path: string }).path;
    expect(previous.startsWith(`${dbPath}.before-restore-`)).toBe(true);
    expect(caseCount(previous)).toBe(80);
    // The restored database opens and migrates like any other.
    const { db } = openDatabase(dbPath, MIGRATIONS);
    expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
    db.close();
  });

  it('refuses a damaged or foreign file and leaves the database as it was', async () => {
    const garbage = join(tmp.dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    // Without a key file nothing tells an encrypted backup from noise: it cannot be opened.
    const keyless = await motcua('restore', '--db', dbPath, '--from', garbage);
    expect(keyless).toMatchObject({ status: 1, json: { ok: false, error: { code: 'BACKUP_KEY_UNAVAILABLE' } } });
    copyFileSync(`${backupPath}.key`, `${garbage}.key`);
    const bad = await motcua('restore', '--db', dbPath, '--from', garbage);
    expect(bad).toMatchObject({ status: 1, json: { ok: false, error: { code: 'BACKUP_UNREADABLE' } } });
    expect(bad.json.error!.message).toMatch(/không phải.*\/.*not a readable/i);
    const missing = await motcua('restore', '--db', dbPath, '--from', join(tmp.dir, 'nowhere.sqlite'));
    expect(missing).toMatchObject({ status: 1, json: { ok: false, error: { code: 'BACKUP_NOT_FOUND' } } });
    expect(caseCount(dbPath)).toBe(50);
  });

  it('refuses a backup from a newer version of the app', async () => {
    const newer = join(tmp.dir, 'newer.sqlite');
    const db = openDatabaseFile(newer);
    db.pragma('user_version = 999');
    db.close();
    const { status, json } = await motcua('restore', '--db', dbPath, '--from', newer);
    expect({ status, code: json.error?.code }).toEqual({ status: 1, code: 'BACKUP_TOO_NEW' });
    expect(caseCount(dbPath)).toBe(50);
  });
});
