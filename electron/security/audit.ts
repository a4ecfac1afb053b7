import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { AuditRepository, NewAuditRow } from '../db/audit-repository';

/** Where the subject key is kept: the host passes settings that seal it (electron/security/secret-store.ts). */
interface KeyValues {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface AuditEntry {
  session: string;
  role: string;
  channel: string;
  purpose: string;
  legalBasis: string;
  /** The personal number the data belongs to; stored only as a keyed hash. */
  subject: string | null;
  outcome: string;
  /** The account that acted (a username; for a log-in, the name tried); null for a kiosk. */
  actor?: string | null;
  /** For an account event: the account acted on (created, disabled, unlocked…). */
  target?: string | null;
  /** How sure the machine was of the citizen's identity (typed, qr, chip, holder-confirmed, officer-attested); null outside a citizen's turn. */
  assurance?: string | null;
}

/**
 * The HMAC key of subjects. Stored sealed by the app: a personal number has few enough possible
 * values that, with the key beside the log, anyone holding the file could test every one.
 */
export const AUDIT_SUBJECT_KEY = 'audit.subjectKey';

/** The chain hash of a row; the centre computes the same (resources/central-api.yaml, AuditEntry). */
export function rowHash(row: Omit<NewAuditRow, 'hash'>): string {
  const fields = [row.prev_hash, row.at, row.session, row.role, row.channel, row.purpose, row.legal_basis, row.subject, row.outcome];
  // Rows from before these columns (and a kiosk's without a level) hash as they always did.
  if (row.actor !== null || row.target !== null || row.assurance !== null) fields.push(row.actor, row.target);
  if (row.assurance !== null) fields.push(row.assurance);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** What verify found: the rows held here and what was shipped before them, or the first row that breaks. */
export type AuditVerification = { ok: true; rows: number; shipped: number; shippedThrough: number } | { ok: false; brokenAt: number };

/**
 * Tamper-evident log of personal-data use: each row's hash covers the previous row's hash,
 * so an edited, inserted or removed row breaks the chain from there on. The sync ships the rows to
 * the centre (electron/sync/audit-shipper.ts) and prunes them here: the chain held locally then
 * starts at the anchor, the hash of the last shipped row. Cutting unshipped rows off the end is not
 * visible from the chain alone; the centre, which holds the shipped head, sees any other rewrite.
 */
export class AuditLog {
  private subjectKey: Buffer | undefined;
  private readonly recorded: (() => void)[] = [];

  constructor(
    private readonly rows: AuditRepository,
    private readonly settings: KeyValues,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  record(entry: AuditEntry): void {
    const subject = entry.subject === null ? null : this.subjectHash(entry.subject);
    this.rows.atomically(() => {
      const row = {
        at: this.clock().toISOString(),
        session: entry.session,
        role: entry.role,
        channel: entry.channel,
        purpose: entry.purpose,
        legal_basis: entry.legalBasis,
        subject,
        outcome: entry.outcome,
        actor: entry.actor ?? null,
        target: entry.target ?? null,
        assurance: entry.assurance ?? null,
        prev_hash: this.rows.lastHash(),
      };
      this.rows.insert({ ...row, hash: rowHash(row) });
    });
    for (const listener of this.recorded) listener();
  }

  /** Calls `listener` after each row is appended (the sync service ships a full batch at once). */
  onRecorded(listener: () => void): void {
    this.recorded.push(listener);
  }

  /** The keyed hash a subject is stored under, so the log can be searched for one citizen. */
  subjectHash(personalNumber: string): string {
    return createHmac('sha256', this.key()).update(personalNumber).digest('hex');
  }

  /**
   * Walks the chain held here from the anchor: the first row must chain from the last shipped
   * row's hash. Returns the rows checked and how many were shipped (through which id), or the id
   * of the first row that does not chain.
   */
  verify(): AuditVerification {
    const anchor = this.rows.anchor();
    let prev = anchor.throughHash;
    let count = 0;
    for (const { id, hash, ...row } of this.rows.each()) {
      if (row.prev_hash !== prev || rowHash(row) !== hash) return { ok: false, brokenAt: id };
      prev = hash;
      count++;
    }
    return { ok: true, rows: count, shipped: anchor.shipped, shippedThrough: anchor.throughId };
  }

  private key(): Buffer {
    if (this.subjectKey) return this.subjectKey;
    let hex = this.settings.get(AUDIT_SUBJECT_KEY);
    if (hex === null) {
      hex = randomBytes(32).toString('hex');
      this.settings.set(AUDIT_SUBJECT_KEY, hex);
    }
    // A sealed value read without its store: a wrong key would silently hash to other subjects.
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${AUDIT_SUBJECT_KEY} is not a clear 32-byte key: read it through the secret store`);
    return (this.subjectKey = Buffer.from(hex, 'hex'));
  }
}
