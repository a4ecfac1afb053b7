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
  prev_hash: string;
  hash: string;
}

export type NewAuditRow = Omit<AuditRow, 'id'>;

export class AuditRepository {
  constructor(private readonly db: Db) {}

  lastHash(): string | null {
    return this.db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get()?.hash ?? null;
  }

  insert(row: NewAuditRow): void {
    this.db
      .prepare(
        `INSERT INTO audit_log (at, session, role, channel, purpose, legal_basis, subject, outcome, actor, target, prev_hash, hash)
         VALUES (@at, @session, @role, @channel, @purpose, @legal_basis, @subject, @outcome, @actor, @target, @prev_hash, @hash)`,
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

  /** Runs `fn` in one write transaction, so reading the last hash and appending cannot interleave. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
