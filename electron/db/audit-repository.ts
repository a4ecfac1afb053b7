import type { Db } from './connection';

export interface AuditRow {
  id: number;
  at: string;
  session: string;
  role: string;
  channel: string;
  purpose: string;
  legal_basis: string;
  subject: string | null;
  outcome: string;
  /** Username of the account that acted (migration 009); null for a kiosk and older rows. */
  actor: string | null;
  /** For an account event, the account it was about (migration 009). */
  target: string | null;
  /** The citizen turn's assurance level (migration 014); null outside a turn and in older rows. */
  assurance: string | null;
  prev_hash: string;
  hash: string;
}

export type NewAuditRow = Omit<AuditRow, 'id'>;

/** The start of the chain: the prev_hash of the first row ever written. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** Where the part of the chain shipped to the centre (and pruned here) ends (migration 013). */
export interface AuditAnchor {
  /** The last shipped row's id; 0 before the first shipment. */
  throughId: number;
  /** Its hash: the prev_hash the first row still held must have. */
  throughHash: string;
  /** Rows shipped since the log began. */
  shipped: number;
  shippedAt: string | null;
  /** JSON of the last failed shipment (electron/sync/audit-shipper.ts), null after a success. */
  lastError: string | null;
  lastErrorAt: string | null;
}

interface AnchorRow {
  through_id: number;
  through_hash: string;
  shipped: number;
  shipped_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

/** The shipped part does not end where the centre says: nothing is pruned. */
export class AuditShipMismatchError extends Error {}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** The hash the next row chains from: the last row's, or the anchor's when every row was shipped. */
  lastHash(): string {
    return this.db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get()?.hash ?? this.anchor().throughHash;
  }

  /** Ids go on after the shipped ones even when every row was pruned, so the centre never sees an id twice. */
  insert(row: NewAuditRow): void {
    this.db
      .prepare(
        `INSERT INTO audit_log (id, at, session, role, channel, purpose, legal_basis, subject, outcome, actor, target, assurance, prev_hash, hash)
         VALUES (MAX(COALESCE((SELECT MAX(id) FROM audit_log), 0), COALESCE((SELECT through_id FROM audit_shipping), 0)) + 1,
                 @at, @session, @role, @channel, @purpose, @legal_basis, @subject, @outcome, @actor, @target, @assurance, @prev_hash, @hash)`,
      )
      .run(row);
  }

  all(): AuditRow[] {
    return this.db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').all();
  }

  /** Row by row, so checking a long log does not hold it all in memory. */
  each(): IterableIterator<AuditRow> {
    return this.db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').iterate();
  }

  /** The oldest rows not yet shipped, at most `limit`. */
  unshipped(limit: number): AuditRow[] {
    return this.db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE id > (SELECT COALESCE(MAX(through_id), 0) FROM audit_shipping) ORDER BY id LIMIT ?').all(limit);
  }

  unshippedCount(): number {
    return this.db.prepare<[], number>('SELECT COUNT(*) FROM audit_log').pluck().get()!;
  }

  /** A missing row (deleted by hand) reads as the genesis: the first row held must then start the chain. */
  anchor(): AuditAnchor {
    const row = this.db.prepare<[], AnchorRow>('SELECT * FROM audit_shipping WHERE id = 1').get();
    return {
      throughId: row?.through_id ?? 0,
      throughHash: row?.through_hash ?? AUDIT_GENESIS,
      shipped: row?.shipped ?? 0,
      shippedAt: row?.shipped_at ?? null,
      lastError: row?.last_error ?? null,
      lastErrorAt: row?.last_error_at ?? null,
    };
  }

  /**
   * The centre holds the chain through `throughId`, ending in `hash`: in one immediate transaction
   * the anchor moves there and the rows up to it are deleted (secure_delete zeroes them). Refused,
   * changing nothing, unless that row is here with that hash: then the rows before it are the ones
   * the centre verified, since each hash covers the one before. Returns the rows pruned.
   */
  markShipped(throughId: number, hash: string, at: string): number {
    return this.atomically(() => {
      const row = this.db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(throughId);
      if (row?.hash !== hash) throw new AuditShipMismatchError(`the centre acknowledged row ${throughId} with a hash this log does not hold there`);
      const pruned = this.db.prepare('DELETE FROM audit_log WHERE id <= ?').run(throughId).changes;
      this.db
        .prepare(
          `INSERT INTO audit_shipping (id, through_id, through_hash, shipped, shipped_at, last_error, last_error_at) VALUES (1, @throughId, @hash, @pruned, @at, NULL, NULL)
           ON CONFLICT (id) DO UPDATE SET through_id = @throughId, through_hash = @hash, shipped = shipped + @pruned, shipped_at = @at, last_error = NULL, last_error_at = NULL`,
        )
        .run({ throughId, hash, pruned, at });
      return pruned;
    });
  }

  /** Why the last shipment failed (JSON without personal data), for the sync status and the doctor. */
  recordShipError(error: string, at: string): void {
    this.db
      .prepare('INSERT INTO audit_shipping (id, last_error, last_error_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at')
      .run(error, at);
  }

  /** Runs `fn` in one write transaction, so reading the last hash and appending cannot interleave. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
