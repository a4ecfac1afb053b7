import type { FieldCipher } from '../security/field-cipher';
import type { Db } from './connection';
import { fieldCipherOf } from './field-encryption';

export type OutboxState = 'pending' | 'sent' | 'attention' | 'superseded';

/** A row of `outbox` as stored: `body`, `last_error` and `receipt` are JSON text. */
export interface OutboxRow {
  id: number;
  idempotency_key: string;
  body: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  receipt: string | null;
  created_at: string;
  updated_at: string;
  /** For a 'superseded' row: the corrected row sent instead (migration 009). */
  superseded_by: number | null;
}

type EncryptedColumn = 'body' | 'receipt' | 'last_error';

export interface OutboxCounts {
  pending: number;
  sent: number;
  attention: number;
  superseded: number;
}

/**
 * The dossiers waiting to be sent to the centre (table `outbox`, migration 004). Plain SQL only:
 * what a state means and when a row is due is decided by electron/sync/outbox.ts.
 * PRIVACY: `body` holds the applicant's personal number and name; it is never logged. `body`,
 * `receipt` and `last_error` are stored encrypted, bound to the row's Idempotency-Key; rows come
 * back in clear.
 */
export class OutboxRepository {
  private readonly cipher: FieldCipher;

  constructor(private readonly db: Db) {
    this.cipher = fieldCipherOf(db);
  }

  /** Inserts a pending row; returns its id. Durable once this returns (the statement commits). */
  insert(idempotencyKey: string, bodyJson: string, at: string): number {
    const info = this.db
      .prepare(`INSERT INTO outbox (idempotency_key, body, state, attempts, created_at, updated_at) VALUES (?, ?, 'pending', 0, ?, ?)`)
      .run(idempotencyKey, this.sealed('body', idempotencyKey, bodyJson), at, at);
    return Number(info.lastInsertRowid);
  }

  get(id: number): OutboxRow | undefined {
    const row = this.db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?').get(id);
    return row && this.opened(row);
  }

  /** The rows in one state, oldest first. */
  list(state: OutboxState): OutboxRow[] {
    return this.db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE state = ? ORDER BY id').all(state).map((row) => this.opened(row));
  }

  counts(): OutboxCounts {
    const rows = this.db.prepare<[], { state: OutboxState; n: number }>('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all();
    const counts: OutboxCounts = { pending: 0, sent: 0, attention: 0, superseded: 0 };
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  /** A pending row was accepted: keep the centre's answer. No-op (false) if the row is no longer pending. */
  markSent(id: number, receiptJson: string, at: string): boolean {
    const key = this.keyOf(id);
    return (
      key !== undefined &&
      this.db
        .prepare(`UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = NULL, receipt = ?, updated_at = ? WHERE id = ? AND state = 'pending'`)
        .run(this.sealed('receipt', key, receiptJson), at, id).changes === 1
    );
  }

  /** A pending row failed for a passing reason: it stays pending with one more attempt and the error. */
  markRetry(id: number, errorJson: string, at: string): boolean {
    const key = this.keyOf(id);
    return (
      key !== undefined &&
      this.db
        .prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'`)
        .run(this.sealed('last_error', key, errorJson), at, id).changes === 1
    );
  }

  /** A pending row was refused: an officer must look at it. */
  markAttention(id: number, errorJson: string, at: string): boolean {
    const key = this.keyOf(id);
    return (
      key !== undefined &&
      this.db
        .prepare(`UPDATE outbox SET state = 'attention', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'`)
        .run(this.sealed('last_error', key, errorJson), at, id).changes === 1
    );
  }

  /**
   * A refused ('attention') row is replaced by a corrected one: the new row is inserted pending and
   * the old one marked 'superseded' with a link to it, together. Returns the new row's id, or null
   * (nothing written) if the old row is not in 'attention'.
   */
  supersede(id: number, idempotencyKey: string, bodyJson: string, at: string): number | null {
    // Immediate: the write lock is taken before the state is read, so no other writer slips in between.
    return this.db.transaction(() => {
      if (this.get(id)?.state !== 'attention') return null;
      const replacement = this.insert(idempotencyKey, bodyJson, at);
      this.db.prepare(`UPDATE outbox SET state = 'superseded', superseded_by = ?, updated_at = ? WHERE id = ?`).run(replacement, at, id);
      return replacement;
    }).immediate();
  }

  /** Moves an 'attention' row back to pending, due at once. Returns false if the row is not in 'attention'. */
  requeue(id: number, at: string): boolean {
    return (
      this.db.prepare(`UPDATE outbox SET state = 'pending', attempts = 0, last_error = NULL, updated_at = ? WHERE id = ? AND state = 'attention'`).run(at, id).changes === 1
    );
  }

  /** The row's Idempotency-Key, which its encrypted values are bound to (it never changes). */
  private keyOf(id: number): string | undefined {
    return this.db.prepare<[number], { idempotency_key: string }>('SELECT idempotency_key FROM outbox WHERE id = ?').get(id)?.idempotency_key;
  }

  private sealed(column: EncryptedColumn, idempotencyKey: string, plain: string): string {
    return this.cipher.encrypt(plain, { table: 'outbox', column, row: idempotencyKey });
  }

  private opened(row: OutboxRow): OutboxRow {
    const place = (column: EncryptedColumn) => ({ table: 'outbox', column, row: row.idempotency_key });
    return {
      ...row,
      body: this.cipher.decrypt(row.body, place('body')),
      receipt: this.cipher.decryptNullable(row.receipt, place('receipt')),
      last_error: this.cipher.decryptNullable(row.last_error, place('last_error')),
    };
  }
}
