/**
 * The simulator's own SQLite store: the change feed as ready-serialised lines (so a batch is
 * streamed without re-encoding), an index of receipt codes, and the idempotency keys of POSTs.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { caseIdFor, generateCase, type CaseData } from './cases';
import { headChanges, PROCEDURES, tailChanges, type CatalogueChange, type ChangeType } from './catalogue';
import { makePrng } from './prng';

export interface StoredReply { status: number; body: unknown }

export interface CentralStore {
  lastSeq(): number;
  /** Up to `limit` lines with seq > after, in seq order (no trailing newline). */
  page(after: number, limit: number): { seq: number; line: string }[];
  hasAfter(seq: number): boolean;
  caseByReceipt(receiptCode: string): CaseData | undefined;
  /** The latest change of a case: its id and data. */
  caseOf(receiptCode: string): { id: string; data: CaseData } | undefined;
  /** Appends a change and returns its seq. */
  append(change: { type: ChangeType; op: 'upsert' | 'delete'; id: string; data?: unknown }, receipt?: string): number;
  /** Allocates the index of the next new case (its caseId and receipt code derive from it). */
  allocateCaseIndex(): number;
  idempotent(key: string): { bodyHash: string; reply: StoredReply } | undefined;
  remember(key: string, bodyHash: string, reply: StoredReply): void;
  /** Registered devices: only the SHA-256 of a token is kept, as a real centre would. */
  addDevice(device: { deviceId: string; tokenHash: string; publicKeyPem: string; centreCode: string; role: string }): void;
  deviceByTokenHash(tokenHash: string): string | undefined;
  /** The Ed25519 public key (SPKI PEM) a device registered, which signs its identity evidence. */
  devicePublicKey(deviceId: string): string | undefined;
  /**
   * Audit chains (POST /v1/audit), named by the device that started them; a device that registers
   * again carries its earlier registration's chain on. The chain a device ships to, if any yet.
   */
  auditChainOf(device: string): string | undefined;
  /** The chain holding an entry with this hash, if any. */
  auditChainHolding(hash: string): string | undefined;
  /** From now on `device` ships to `chain`. */
  joinAuditChain(device: string, chain: string): void;
  /** The last entry of a chain, if any. */
  auditHead(chain: string): { through: number; hash: string } | undefined;
  auditHash(chain: string, id: number): string | undefined;
  appendAudit(chain: string, id: number, hash: string, entry: string): void;
  /** Every audit entry of the chain a device ships to, in id order, as sent (for tests). */
  auditEntries(device: string): unknown[];
  /** The devices that shipped audit entries: a registered device's id, or 'operator' for the operator's token. */
  auditDevices(): string[];
  transaction<T>(fn: () => T): T;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY, receipt TEXT, line TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, body_hash TEXT NOT NULL, reply TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (chain TEXT NOT NULL, id INTEGER NOT NULL, hash TEXT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (chain, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS audit_hash ON audit (hash);
CREATE TABLE IF NOT EXISTS audit_devices (device TEXT PRIMARY KEY, chain TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (device_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, public_key_pem TEXT NOT NULL, centre_code TEXT NOT NULL, role TEXT NOT NULL);
`;

/** The exact line of a change; key order is fixed so equal changes are equal bytes. */
export function changeLine(seq: number, c: CatalogueChange): string {
  const head = { seq, type: c.type, op: c.op, id: c.id };
  return JSON.stringify(c.op === 'delete' || c.data === undefined ? head : { ...head, data: c.data });
}

export function openStore(path: string, seed: string, cases: number): CentralStore {
  const db = new Database(path);
  db.pragma('synchronous = OFF'); // a test fixture: speed over durability
  db.exec(SCHEMA);
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  // The catalogue is part of what was generated: a file made with another catalogue is made again.
  const catalogue = createHash('sha256').update(JSON.stringify([headChanges(), tailChanges()])).digest('hex').slice(0, 16);
  // The data format too: a file made before cases carried their centre is made again.
  const generatedFor = `${seed}|${cases}|${catalogue}|centre`;
  if (meta.get('generated') !== generatedFor) {
    // No journal during the bulk load: it would write every byte twice, and a crash just means regenerate.
    db.pragma('journal_mode = OFF');
    db.exec('DROP INDEX IF EXISTS changes_receipt; DELETE FROM changes; DELETE FROM idempotency; DELETE FROM meta;');
    generate(db, seed, cases);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('generated', generatedFor);
  }
  db.pragma('journal_mode = WAL');
  // Created after the bulk load: building an index once is much faster than maintaining it per row.
  db.exec('CREATE INDEX IF NOT EXISTS changes_receipt ON changes (receipt) WHERE receipt IS NOT NULL');

  const insert = db.prepare('INSERT INTO changes (seq, receipt, line) VALUES (?, ?, ?)');
  const last = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM changes').pluck();
  const page = db.prepare('SELECT seq, line FROM changes WHERE seq > ? ORDER BY seq LIMIT ?');
  const after = db.prepare('SELECT 1 FROM changes WHERE seq > ? LIMIT 1').pluck();
  const byReceipt = db.prepare('SELECT line FROM changes WHERE receipt = ? ORDER BY seq DESC LIMIT 1').pluck();
  const caseCount = db.prepare('SELECT COUNT(DISTINCT receipt) FROM changes WHERE receipt IS NOT NULL').pluck();
  const getKey = db.prepare('SELECT body_hash, reply FROM idempotency WHERE key = ?');
  const putKey = db.prepare('INSERT INTO idempotency (key, body_hash, reply) VALUES (?, ?, ?)');
  const putDevice = db.prepare('INSERT INTO devices (device_id, token_hash, public_key_pem, centre_code, role) VALUES (@deviceId, @tokenHash, @publicKeyPem, @centreCode, @role)');
  const deviceByToken = db.prepare('SELECT device_id FROM devices WHERE token_hash = ?').pluck();
  const deviceKey = db.prepare('SELECT public_key_pem FROM devices WHERE device_id = ?').pluck();
  const chainOf = db.prepare('SELECT chain FROM audit_devices WHERE device = ?').pluck();
  const chainHolding = db.prepare('SELECT chain FROM audit WHERE hash = ? LIMIT 1').pluck();
  const joinChain = db.prepare('INSERT INTO audit_devices (device, chain) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET chain = excluded.chain');
  const auditHead = db.prepare('SELECT id AS through, hash FROM audit WHERE chain = ? ORDER BY id DESC LIMIT 1');
  const auditHash = db.prepare('SELECT hash FROM audit WHERE chain = ? AND id = ?').pluck();
  const putAudit = db.prepare('INSERT INTO audit (chain, id, hash, entry) VALUES (?, ?, ?, ?)');
  const auditEntries = db.prepare('SELECT entry FROM audit WHERE chain = (SELECT chain FROM audit_devices WHERE device = ?) ORDER BY id').pluck();
  const auditDevices = db.prepare('SELECT device FROM audit_devices ORDER BY device').pluck();

  const caseOf = (code: string): { id: string; data: CaseData } | undefined => {
    const line = byReceipt.get(code) as string | undefined;
    return line === undefined ? undefined : (JSON.parse(line) as { id: string; data: CaseData });
  };
  // Counts receipts once at start; updates of a case reuse its receipt, so count distinct ones.
  let caseIndex = caseCount.get() as number;
  return {
    lastSeq: () => last.get() as number,
    page: (a, limit) => page.all(a, limit) as { seq: number; line: string }[],
    hasAfter: (seq) => after.get(seq) !== undefined,
    caseByReceipt: (code) => caseOf(code)?.data,
    caseOf,
    append: (change, receipt) => {
      const seq = (last.get() as number) + 1;
      insert.run(seq, receipt ?? null, changeLine(seq, change));
      return seq;
    },
    allocateCaseIndex: () => ++caseIndex,
    idempotent: (key) => {
      const row = getKey.get(key) as { body_hash: string; reply: string } | undefined;
      return row && { bodyHash: row.body_hash, reply: JSON.parse(row.reply) as StoredReply };
    },
    remember: (key, bodyHash, reply) => void putKey.run(key, bodyHash, JSON.stringify(reply)),
    addDevice: (device) => void putDevice.run(device),
    deviceByTokenHash: (hash) => deviceByToken.get(hash) as string | undefined,
    devicePublicKey: (deviceId) => deviceKey.get(deviceId) as string | undefined,
    auditChainOf: (device) => chainOf.get(device) as string | undefined,
    auditChainHolding: (hash) => chainHolding.get(hash) as string | undefined,
    joinAuditChain: (device, chain) => void joinChain.run(device, chain),
    auditHead: (chain) => auditHead.get(chain) as { through: number; hash: string } | undefined,
    auditHash: (chain, id) => auditHash.get(chain, id) as string | undefined,
    appendAudit: (chain, id, hash, entry) => void putAudit.run(chain, id, hash, entry),
    auditEntries: (device) => (auditEntries.all(device) as string[]).map((e) => JSON.parse(e) as unknown),
    auditDevices: () => auditDevices.all() as string[],
    transaction: (fn) => db.transaction(fn)(),
    close: () => db.close(),
  };
}

/** Deterministic bulk load: head catalogue, `cases` cases, tail; one transaction per 20,000 rows. */
function generate(db: Database.Database, seed: string, cases: number): void {
  const insert = db.prepare('INSERT INTO changes (seq, receipt, line) VALUES (?, ?, ?)');
  const insertMany = db.transaction((rows: [number, string | null, string][]) => {
    for (const r of rows) insert.run(r[0], r[1], r[2]);
  });
  const prng = makePrng(`${seed}|cases`);
  let seq = 0;
  let batch: [number, string | null, string][] = [];
  const push = (c: CatalogueChange, receipt: string | null): void => {
    seq += 1;
    batch.push([seq, receipt, changeLine(seq, c)]);
    if (batch.length >= 20_000) {
      insertMany(batch);
      batch = [];
    }
  };
  for (const c of headChanges()) push(c, null);
  for (let i = 1; i <= cases; i++) {
    const data = generateCase(prng, seed, i, PROCEDURES);
    push({ type: 'case', op: 'upsert', id: caseIdFor(i), data }, data.receiptCode);
  }
  for (const c of tailChanges()) push(c, null);
  insertMany(batch);
}
