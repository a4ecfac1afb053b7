/**
 * Migration 009 rebuilds `outbox` (new state 'superseded') and `counter_submissions` (several per
 * draft) and adds who acted to `audit_log`: a machine upgraded from before keeps its queue, its
 * submissions and an audit chain that still verifies, with foreign keys on as the app runs.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AuditRepository } from '../../electron/db/audit-repository';
import { openDatabase } from '../../electron/db/connection';
import { loadMigrations, migrate } from '../../electron/db/migrations';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { AuditLog } from '../../electron/security/audit';
import { makeTempDir } from '../support/temp-dir';

const MIGRATIONS_DIR = join(process.cwd(), 'electron', 'db', 'migrations');
const BEFORE = loadMigrations(MIGRATIONS_DIR).findIndex((m) => m.name === 'counter_attention');

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir('motcua-009-')));
afterEach(() => tmp.cleanup());

/** An audit row as the app wrote it before migration 009: its hash covers nine fields. */
function oldAuditRow(db: Database.Database, prev: string, channel: string): string {
  const row = { at: '2026-11-20T02:00:00.000Z', session: 's-1', role: 'officer', channel, purpose: 'receive-dossier', legal_basis: 'NĐ 118/2025', subject: null, outcome: 'ok' };
  const hash = createHash('sha256')
    .update(JSON.stringify([prev, row.at, row.session, row.role, row.channel, row.purpose, row.legal_basis, row.subject, row.outcome]))
    .digest('hex');
  db.prepare('INSERT INTO audit_log (at, session, role, channel, purpose, legal_basis, subject, outcome, prev_hash, hash) VALUES (@at, @session, @role, @channel, @purpose, @legal_basis, @subject, @outcome, @prev, @hash)').run({ ...row, prev, hash });
  return hash;
}

it('keeps the outbox, the submissions and a verifying audit chain across migration 009', () => {
  expect(BEFORE).toBeGreaterThan(0);
  const path = join(tmp.dir, 'motcua.sqlite');
  const old = new Database(path);
  old.pragma('foreign_keys = ON');
  migrate(old, loadMigrations(MIGRATIONS_DIR).slice(0, BEFORE));
  old.prepare(`INSERT INTO drafts (id, session, subject, form_id, status, data, created_at, updated_at) VALUES ('d-1', 's-1', 'h', 'birth-registration', 'submitted', '{}', 't', 't')`).run();
  old.prepare(`INSERT INTO outbox (idempotency_key, body, state, attempts, last_error, created_at, updated_at) VALUES ('k-1', '{"procedureCode":"x"}', 'attention', 1, '{"status":422}', 't', 't')`).run();
  old.prepare(`INSERT INTO counter_submissions (draft_id, outbox_id, received_at, expected_result_date) VALUES ('d-1', 1, '2026-11-20', '2026-11-27')`).run();
  oldAuditRow(old, oldAuditRow(old, '0'.repeat(64), 'counter.submit'), 'counter.submission');
  old.close();

  const { db } = openDatabase(path, MIGRATIONS_DIR);
  expect(db.prepare('SELECT id, idempotency_key, state, superseded_by FROM outbox').all()).toEqual([{ id: 1, idempotency_key: 'k-1', state: 'attention', superseded_by: null }]);
  expect(db.prepare('SELECT * FROM counter_submissions').all()).toEqual([{ id: 1, draft_id: 'd-1', outbox_id: 1, received_at: '2026-11-20', expected_result_date: '2026-11-27' }]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  // Now a draft may have a second submission, and a superseded row must say by which.
  db.prepare(`INSERT INTO outbox (idempotency_key, body, created_at, updated_at) VALUES ('k-2', '{}', 't', 't')`).run();
  db.prepare(`INSERT INTO counter_submissions (draft_id, outbox_id, received_at) VALUES ('d-1', 2, '2026-11-21')`).run();
  expect(() => db.prepare(`UPDATE outbox SET state = 'superseded' WHERE id = 1`).run()).toThrow(/CHECK/);
  db.prepare(`UPDATE outbox SET state = 'superseded', superseded_by = 2 WHERE id = 1`).run();

  const audit = new AuditLog(new AuditRepository(db), new SettingsRepository(db));
  expect(audit.verify()).toEqual({ ok: true, rows: 2, shipped: 0, shippedThrough: 0 });
  audit.record({ session: 's-2', role: 'officer', channel: 'auth.login', purpose: 'account-security', legalBasis: 'x', subject: null, outcome: 'ok', actor: 'canbo' });
  expect(audit.verify()).toEqual({ ok: true, rows: 3, shipped: 0, shippedThrough: 0 });
  // The actor is covered by the hash like every other field.
  db.prepare(`UPDATE audit_log SET actor = 'someone-else' WHERE id = 3`).run();
  expect(audit.verify()).toEqual({ ok: false, brokenAt: 3 });
  db.close();
});
