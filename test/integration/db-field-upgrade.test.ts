/**
 * A machine upgraded from a version that kept personal fields in clear: at the first open the
 * drafts, outbox payloads and counter notes are encrypted in one transaction, the clear copies are
 * gone from the file and from its WAL, the values read back the same, and a second open changes
 * nothing. The audit's subject key is sealed in place, so the subjects already logged still match.
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { CounterRepository } from '../../electron/db/counter-repository';
import { DraftRepository } from '../../electron/db/draft-repository';
import { ENCRYPTED_COLUMNS } from '../../electron/db/field-encryption';
import { loadMigrations, migrate } from '../../electron/db/migrations';
import { OutboxRepository } from '../../electron/db/outbox-repository';
import { createHost } from '../../electron/host/create-host';
import { clearTextIn } from '../support/clear-text';
import { makeTempDir } from '../support/temp-dir';

const MIGRATIONS_DIR = join(process.cwd(), 'electron', 'db', 'migrations');
const PIN = '079199012345';
const NAME = 'Nguyễn Thị Ánh Tuyết';
const NOTE = `Bản chính CCCD ${PIN} của ${NAME}`;
const DRAFT = JSON.stringify({ 'applicant.fullName': NAME, 'applicant.personalNumber': PIN });
const BODY = JSON.stringify({ procedureCode: '1.001193', applicant: { personalNumber: PIN, fullName: NAME }, fields: {} });
const RECEIPT = JSON.stringify({ caseId: 'c-1', receiptCode: 'MC-261120-0000042', status: 'received' });
const ERROR = JSON.stringify({ kind: 'http', status: 422, code: 'x', message: `Họ tên ${NAME} không khớp`, retryAfterSeconds: null, delayMs: null, at: 't' });
const SUBJECT_KEY = 'ab'.repeat(32);

let tmp: ReturnType<typeof makeTempDir>;
let path: string;
beforeEach(() => {
  tmp = makeTempDir('motcua-upgrade-');
  path = join(tmp.dir, 'motcua.sqlite');
});
afterEach(() => tmp.cleanup());

/**
 * The file as the earlier version left it, clear values in the main file (checkpointed) and in the
 * WAL (not yet): returns that version's connection, still open, so its WAL stays.
 */
function writtenByEarlierVersion(): Database.Database {
  const old = new Database(path);
  old.pragma('journal_mode = WAL');
  old.pragma('foreign_keys = ON');
  migrate(old, loadMigrations(MIGRATIONS_DIR));
  const draft = old.prepare(`INSERT INTO drafts (id, session, subject, form_id, status, data, created_at, updated_at) VALUES (?, 's', 'h', 'birth-registration', 'submitted', ?, 't', 't')`);
  draft.run('d-1', DRAFT);
  old.prepare(`INSERT INTO counter_reviews VALUES ('d-1', ?, 0, ?, 't')`).run(JSON.stringify([{ id: 'birthCertificate', seen: true, note: NOTE }]), NOTE);
  old.prepare(`INSERT INTO outbox (idempotency_key, body, state, attempts, receipt, created_at, updated_at) VALUES ('k-1', ?, 'sent', 1, ?, 't', 't')`).run(BODY, RECEIPT);
  old.prepare(`INSERT INTO settings (key, value) VALUES ('audit.subjectKey', ?)`).run(SUBJECT_KEY);
  old.pragma('wal_checkpoint(TRUNCATE)');
  draft.run('d-2', DRAFT);
  old.prepare(`INSERT INTO outbox (idempotency_key, body, state, attempts, last_error, created_at, updated_at) VALUES ('k-2', ?, 'attention', 1, ?, 't', 't')`).run(BODY, ERROR);
  return old;
}

const storedValues = (db: Database.Database) =>
  ENCRYPTED_COLUMNS.flatMap(({ table, column }) => db.prepare(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL ORDER BY rowid`).pluck().all());

it('encrypts the clear values once at open: none left in the file or its WAL, all read back the same', () => {
  const old = writtenByEarlierVersion();
  expect(clearTextIn(path, [PIN, NAME])).not.toEqual([]);
  expect(clearTextIn(`${path}`, [PIN]).some((f) => f.includes('-wal'))).toBe(true);

  const { db } = openDatabase(path, MIGRATIONS_DIR);
  old.close();
  const stored = storedValues(db);
  expect(stored).toHaveLength(8);
  for (const value of stored) expect(value).toMatch(/^enc1:/);
  expect(clearTextIn(path, [PIN, NAME, 'MC-261120-0000042'])).toEqual([]);

  expect(new DraftRepository(db).byId('d-1')?.data).toBe(DRAFT);
  expect(new DraftRepository(db).byId('d-2')?.data).toBe(DRAFT);
  expect(new CounterRepository(db).review('d-1')).toEqual({ attachments: [{ id: 'birthCertificate', seen: true, note: NOTE }], needsSupplement: false, supplementNote: NOTE });
  expect(new OutboxRepository(db).get(1)).toMatchObject({ body: BODY, receipt: RECEIPT, last_error: null });
  expect(new OutboxRepository(db).get(2)).toMatchObject({ body: BODY, receipt: null, last_error: ERROR });
  db.close();

  // Once done, an open rewrites nothing.
  const again = openDatabase(path, MIGRATIONS_DIR).db;
  expect(storedValues(again)).toEqual(stored);
  again.close();
});

it('the audit subject key is sealed in place: the subjects already logged keep their hash', async () => {
  writtenByEarlierVersion().close();
  const host = createHost({ appRoot: process.cwd(), dbPath: path, demo: false, transport: 'browser', version: 'test', devices: false, sync: false });
  try {
    const stored = host.db.prepare(`SELECT value FROM settings WHERE key = 'audit.subjectKey'`).pluck().get() as string;
    expect(stored).toMatch(/^key-file:/);
    expect(stored).not.toContain(SUBJECT_KEY);
    expect(host.audit.subjectHash(PIN)).toBe(createHmac('sha256', Buffer.from(SUBJECT_KEY, 'hex')).update(PIN).digest('hex'));
  } finally {
    await host.close();
  }
});
