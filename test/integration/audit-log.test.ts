import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../electron/db/audit-repository';
import { openDatabase, type Db } from '../../electron/db/connection';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { AuditLog, type AuditEntry } from '../../electron/security/audit';
import { makeTempDir } from '../support/temp-dir';

const MIGRATIONS_DIR = join(process.cwd(), 'electron', 'db', 'migrations');
const PIN_A = '001099012345';
const PIN_B = '079301000123';
const GENESIS = '0'.repeat(64);

let tmp: ReturnType<typeof makeTempDir>;
let path: string;
let db: Db;
let log: AuditLog;

function open(): { db: Db; log: AuditLog } {
  const opened = openDatabase(path, MIGRATIONS_DIR).db;
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 10, 23, 8, 0, tick++));
  return { db: opened, log: new AuditLog(new AuditRepository(opened), new SettingsRepository(opened), clock) };
}

const entry = (subject: string | null, outcome = 'ok'): AuditEntry => ({
  session: 'session-1',
  role: 'kiosk',
  channel: 'proactive.reminders',
  purpose: 'proactive-services',
  legalBasis: 'Luật Căn cước 2023, Điều 21',
  subject,
  outcome,
});

beforeEach(() => {
  tmp = makeTempDir('motcua-audit-');
  path = join(tmp.dir, 'motcua.sqlite');
  ({ db, log } = open());
});
afterEach(() => {
  if (db.open) db.close();
  tmp.cleanup();
});

function recordThree(): void {
  log.record(entry(PIN_A));
  log.record(entry(PIN_B, 'PIN_BIRTH_YEAR'));
  log.record(entry(null));
}

const rows = () => new AuditRepository(db).all();

describe('AuditLog.record', () => {
  it('stores each use with its purpose, legal basis, outcome and time', () => {
    recordThree();
    const all = rows();
    expect(all).toHaveLength(3);
    expect(all[1]).toMatchObject({
      id: 2,
      at: '2026-11-23T08:00:01.000Z',
      session: 'session-1',
      role: 'kiosk',
      channel: 'proactive.reminders',
      purpose: 'proactive-services',
      legal_basis: 'Luật Căn cước 2023, Điều 21',
      outcome: 'PIN_BIRTH_YEAR',
    });
  });

  it('chains the rows: the first starts from the genesis hash, each next one from the previous hash', () => {
    recordThree();
    const all = rows();
    expect(all[0]!.prev_hash).toBe(GENESIS);
    expect(all[1]!.prev_hash).toBe(all[0]!.hash);
    expect(all[2]!.prev_hash).toBe(all[1]!.hash);
    for (const r of all) expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(all.map((r) => r.hash)).size).toBe(3);
  });

  it('continues the chain across restarts', () => {
    log.record(entry(PIN_A));
    db.close();
    ({ db, log } = open());
    log.record(entry(PIN_B));
    const all = rows();
    expect(all[1]!.prev_hash).toBe(all[0]!.hash);
    expect(log.verify()).toEqual({ ok: true, rows: 2, shipped: 0, shippedThrough: 0 });
  });
});

describe('AuditLog.verify', () => {
  it('an empty log holds', () => {
    expect(log.verify()).toEqual({ ok: true, rows: 0, shipped: 0, shippedThrough: 0 });
  });

  it('an untouched log holds', () => {
    recordThree();
    expect(log.verify()).toEqual({ ok: true, rows: 3, shipped: 0, shippedThrough: 0 });
  });

  it('reports the row whose outcome was edited with SQL', () => {
    recordThree();
    db.prepare("UPDATE audit_log SET outcome = 'ok' WHERE id = 2").run();
    expect(log.verify()).toEqual({ ok: false, brokenAt: 2 });
  });

  it.each(['at', 'session', 'role', 'channel', 'purpose', 'legal_basis', 'subject'])('reports a row whose %s was edited', (column) => {
    recordThree();
    db.prepare(`UPDATE audit_log SET ${column} = 'tampered' WHERE id = 2`).run();
    expect(log.verify()).toEqual({ ok: false, brokenAt: 2 });
  });

  it('reports a row whose subject was erased (set to NULL)', () => {
    recordThree();
    db.prepare('UPDATE audit_log SET subject = NULL WHERE id = 1').run();
    expect(log.verify()).toEqual({ ok: false, brokenAt: 1 });
  });

  it('reports a row whose stored hash was replaced', () => {
    recordThree();
    db.prepare('UPDATE audit_log SET hash = ? WHERE id = 2').run('f'.repeat(64));
    expect(log.verify()).toEqual({ ok: false, brokenAt: 2 });
  });

  it('reports a deleted middle row as a break at the row after it', () => {
    recordThree();
    db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(log.verify()).toEqual({ ok: false, brokenAt: 3 });
  });

  it('reports a deleted first row', () => {
    recordThree();
    db.prepare('DELETE FROM audit_log WHERE id = 1').run();
    expect(log.verify()).toEqual({ ok: false, brokenAt: 2 });
  });

  it('reports a forged row appended with a made-up hash', () => {
    recordThree();
    const [first] = rows();
    db.prepare(
      `INSERT INTO audit_log (id, at, session, role, channel, purpose, legal_basis, subject, outcome, prev_hash, hash)
       VALUES (10, @at, @session, @role, @channel, @purpose, @legal_basis, @subject, @outcome, @prev_hash, @hash)`,
    ).run({ ...first!, id: undefined, prev_hash: rows()[2]!.hash, hash: 'e'.repeat(64) });
    expect(log.verify()).toEqual({ ok: false, brokenAt: 10 });
  });

  it('keeps working after a break is found: later good rows are not reported instead', () => {
    recordThree();
    log.record(entry(PIN_A));
    db.prepare("UPDATE audit_log SET outcome = 'x' WHERE id = 3").run();
    expect(log.verify()).toEqual({ ok: false, brokenAt: 3 });
  });
});

describe('subjects are stored as a keyed hash', () => {
  it('never stores the raw personal number in the row', () => {
    recordThree();
    const [a, b, c] = rows();
    expect(a!.subject).toMatch(/^[0-9a-f]{64}$/);
    expect(a!.subject).not.toContain(PIN_A);
    expect(b!.subject).not.toContain(PIN_B);
    expect(c!.subject).toBeNull();
    expect(JSON.stringify(rows())).not.toContain(PIN_A);
  });

  it('the stored value is the log’s subjectHash, so one citizen can be looked up', () => {
    recordThree();
    log.record(entry(PIN_A, 'INTERNAL'));
    const hash = log.subjectHash(PIN_A);
    expect(rows().filter((r) => r.subject === hash).map((r) => r.id)).toEqual([1, 4]);
    expect(log.subjectHash(PIN_B)).not.toBe(hash);
  });

  it('is keyed: not a plain SHA-256 of the number, and different on another machine', () => {
    const plain = createHash('sha256').update(PIN_A).digest('hex');
    expect(log.subjectHash(PIN_A)).not.toBe(plain);

    const otherPath = join(tmp.dir, 'other.sqlite');
    const other = openDatabase(otherPath, MIGRATIONS_DIR).db;
    const otherLog = new AuditLog(new AuditRepository(other), new SettingsRepository(other));
    expect(otherLog.subjectHash(PIN_A)).not.toBe(log.subjectHash(PIN_A));
    other.close();
  });

  it('keeps the same key across restarts, so old rows stay searchable', () => {
    const before = log.subjectHash(PIN_A);
    db.close();
    ({ db, log } = open());
    expect(log.subjectHash(PIN_A)).toBe(before);
  });

  it('the number appears nowhere in the database files', () => {
    recordThree();
    const firstHash = rows()[0]!.hash;
    db.close();
    for (const file of [path, `${path}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      for (const pin of [PIN_A, PIN_B]) {
        expect(bytes.includes(Buffer.from(pin, 'latin1')), `${pin} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(pin, 'utf16le')), `${pin} (UTF-16) in ${file}`).toBe(false);
      }
    }
    // The rows did reach the main file, which is encrypted whole: not even their hashes are in clear.
    expect(readFileSync(path).includes(Buffer.from(firstHash, 'latin1'))).toBe(false);
    ({ db, log } = open());
    expect(rows()[0]!.hash).toBe(firstHash);
  });
});
