import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AuditRepository } from '../../electron/db/audit-repository';
import { restoreDatabase } from '../../electron/db/backup';
import { CaseSearch } from '../../electron/db/case-search';
import { openDatabase, type Db } from '../../electron/db/connection';
import { DeviceRepository } from '../../electron/db/device-repository';
import { loadMigrations, migrate } from '../../electron/db/migrations';
import { OutboxRepository } from '../../electron/db/outbox-repository';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { AuditLog } from '../../electron/security/audit';
import { keyFileSecretStore, sealedSettings } from '../../electron/security/secret-store';
import { applyBatch } from '../../electron/sync/apply-batch';
import type { VerifiedChange } from '../../electron/sync/feed-schema';
import { Outbox } from '../../electron/sync/outbox';
import { generateCase } from './central-sim/cases';
import { PROCEDURES } from './central-sim/catalogue';
import { makePrng } from './central-sim/prng';
import { DB_FILE, type Writer } from './crash-ops';

// Power-loss writers for what no screen does in one call: the services and repositories the app's
// own loops use (the outbox sender, the case index driver, the audit of device scans), the
// migrations at first open, and `motcua db restore`.

export const MIGRATIONS_DIR = join(process.cwd(), 'electron', 'db', 'migrations');
const open = (dir: string): Db => openDatabase(join(dir, DB_FILE), MIGRATIONS_DIR).db;

/**
 * Audit appends (the hash chain), as a device scan of an ID card records them, and every fourth
 * one the prune after the centre acknowledged all rows held (the anchor moved, the rows deleted,
 * in one transaction, as the audit shipper does after a 200).
 */
export const auditWriter: Writer = async ({ dir, first, ready, step }) => {
  const db = open(dir);
  const rows = new AuditRepository(db);
  // As createHost makes it: the subject key sealed in the settings.
  const audit = new AuditLog(rows, sealedSettings(new SettingsRepository(db), keyFileSecretStore(dir)));
  audit.subjectHash('');
  ready();
  for (let k = first; ; k++) {
    await step({ op: 'record', k }, () =>
      audit.record({ session: `scan-${k}`, role: 'kiosk', channel: 'device.scan', purpose: 'identification', legalBasis: 'crash test', subject: '079199012345', outcome: 'ok' }),
    );
    if (k % 4 === 3) {
      const last = rows.all().at(-1)!;
      await step({ op: 'ship', k }, () => rows.markShipped(last.id, last.hash, new Date().toISOString()));
    }
  }
};

export const outboxBody = (k: number, corrected = false) => ({
  procedureCode: 'HT.KHAI-SINH',
  applicant: { personalNumber: '079199012345', fullName: `Người nộp ${k}${corrected ? ' sửa' : ''}` },
  fields: { k },
});
const failure = (status: number) => JSON.stringify({ kind: 'http', status, code: null, message: `HTTP ${status}`, retryAfterSeconds: null, delayMs: status >= 500 ? 1000 : null, at: new Date().toISOString() });

/** The outbox: enqueued, then sent, refused and corrected (superseded), or failed for a passing reason, as the sender marks them. */
export const outboxWriter: Writer = async ({ dir, first, ready, step }) => {
  const db = open(dir);
  const outbox = new Outbox(db);
  const rows = new OutboxRepository(db);
  ready();
  for (let k = first; ; k++) {
    let id = 0;
    await step({ op: 'enqueue', k }, () => (id = outbox.enqueue(outboxBody(k)).id));
    const at = new Date().toISOString();
    if (k % 3 === 0) {
      await step({ op: 'sent', k }, () => rows.markSent(id, JSON.stringify({ caseId: `case-${k}`, receiptCode: `MC-${k}`, status: 'received' }), at));
    } else if (k % 3 === 1) {
      await step({ op: 'attention', k }, () => rows.markAttention(id, failure(422), at));
      await step({ op: 'supersede', k }, () => outbox.supersede(id, outboxBody(k, true)));
    } else {
      await step({ op: 'retry', k }, () => rows.markRetry(id, failure(503), at));
    }
  }
};

/** Device assignments: four devices' roles and profiles saved over and over, as DeviceManager.assign saves them. */
export const devicesWriter: Writer = async ({ dir, first, ready, step }) => {
  const devices = new DeviceRepository(open(dir));
  ready();
  for (let k = first; ; k++) {
    await step({ op: 'assign', k }, () => devices.save(deviceFor(k)));
  }
};

export function deviceFor(k: number) {
  return {
    key: `crash-${k % 4}`,
    vendorId: 0x0c2e,
    productId: 0x0b61,
    serial: `SN${k % 4}`,
    usagePage: null,
    name: `Máy quét ${k}`,
    role: (['id-reader', 'barcode-scanner', 'none'] as const)[k % 3]!,
    profile: { mode: 'keyboard' as const, layout: 'us' as const, suffix: 'enter' as const, interKeyGapMs: 10 + (k % 1000) },
  };
}

export const CASES_PER_BATCH = 300;

/** The case search index: a synced batch of cases (one transaction with its cursor), then CaseSearch.catchUp() in its steps. */
export const caseIndexWriter: Writer = async ({ dir, first, ready, step }) => {
  const db = open(dir);
  const search = CaseSearch.of(db);
  ready();
  for (let k = first; ; k++) {
    const prng = makePrng(`crash-${k}`);
    await step({ op: 'batch', k }, () => {
      const after = (db.prepare("SELECT cursor FROM sync_state WHERE feed = 'changes'").pluck().get() as number | undefined) ?? 0;
      const changes = Array.from({ length: CASES_PER_BATCH }, (_, i): VerifiedChange => {
        const data = generateCase(prng, 'crash', k * CASES_PER_BATCH + i, PROCEDURES);
        return { seq: after + i + 1, type: 'case', op: 'upsert', id: `case-${k}-${i}`, data };
      });
      const seq = after + CASES_PER_BATCH;
      applyBatch(db, { after, changes, checkpoint: { type: 'checkpoint', seq, more: false, hash: '0'.repeat(64), sig: 'AA==' } });
    });
    await step({ op: 'index', k }, () => search.catchUp());
  }
};

export const OLD_SCHEMA = 8;

/** Migrations at first open: a fresh file brought to the current schema, and a file of schema 8 (with dossiers) upgraded. */
export const migrationsWriter: Writer = async ({ dir, first, ready, step }) => {
  const migrations = loadMigrations(MIGRATIONS_DIR);
  ready();
  for (let k = first; ; k++) {
    await step({ op: 'fresh', k }, () => openDatabase(join(dir, `fresh-${k}.db`), MIGRATIONS_DIR).db.close());
    const old = join(dir, `old-${k}.db`);
    await step({ op: 'old', k }, () => writeOldSchema(old, migrations.slice(0, OLD_SCHEMA)));
    await step({ op: 'upgrade', k }, () => openDatabase(old, MIGRATIONS_DIR).db.close());
  }
};

export const OLD_SUBMISSIONS = 3;

/** A file as version 8 left it, with submitted dossiers: schema and rows in one transaction. */
function writeOldSchema(path: string, migrations: ReturnType<typeof loadMigrations>): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    migrate(db, migrations);
    for (let i = 1; i <= OLD_SUBMISSIONS; i++) {
      const at = new Date().toISOString();
      db.prepare("INSERT INTO drafts VALUES (?, 's', 'subject', 'birth-registration', 'submitted', '{}', ?, ?)").run(`d${i}`, at, at);
      db.prepare("INSERT INTO outbox (id, idempotency_key, body, state, created_at, updated_at) VALUES (?, ?, '{}', 'pending', ?, ?)").run(i, `key-${i}`, at, at);
      db.prepare('INSERT INTO counter_submissions (draft_id, outbox_id, received_at) VALUES (?, ?, ?)').run(`d${i}`, i, at);
    }
  })();
  db.close();
}

export const RESTORE_SOURCES = ['backup-a.db', 'backup-b.db'] as const;

/** `motcua db restore`: the database replaced by one backup, then the other, each time keeping a safety copy. */
export const restoreWriter: Writer = async ({ dir, first, ready, step }) => {
  const known = loadMigrations(MIGRATIONS_DIR).length;
  ready();
  for (let k = first; ; k++) {
    const from = join(dir, RESTORE_SOURCES[k % 2]!);
    const safety = join(dir, `${DB_FILE}.before-restore-${k}`);
    if (existsSync(safety)) throw new Error(`${safety} exists`);
    await step({ op: 'restore', k }, () => restoreDatabase(join(dir, DB_FILE), from, safety, known, keyFileSecretStore(dir)));
  }
};
