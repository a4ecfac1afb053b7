import type { Db } from './connection';

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

export interface OutboxCounts {
  pending: number;
  sent: number;
  attention: number;
  superseded: number;
}

/**
 * The dossiers waiting to be sent to the centre (table `outbox`, migration 004). Plain SQL only:
 * what a state means and when a row is due is decided by electron/sync/outbox.ts.
 * PRIVACY: `body` holds the applicant's personal number and name; it is never logged.
 */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** Inserts a pending row; returns its id. Durable once this returns (the statement commits). */
  insert(idempotencyKey: string, bodyJson: string, at: string): number {
    const info = this.db
      .prepare(`INSERT INTO outbox (idempotency_key, body, state, attempts, created_at, updated_at) VALUES (?, ?, 'pending', 0, ?, ?)`)
      .run(idempotencyKey, bodyJson, at, at);
    return Number(info.lastInsertRowid);
  }

  get(id: number): OutboxRow | undefined {
    return this.db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?').get(id);
  }

  /** The rows in one state, oldest first. */
  list(state: OutboxState): OutboxRow[] {
    return this.db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE state = ? ORDER BY id').all(state);
  }

  counts(): OutboxCounts {
    const rows = this.db.prepare<[], { state: OutboxState; n: number }>('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all();
    const counts: OutboxCounts = { pending: 0, sent: 0, attention: 0, superseded: 0 };
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  /** A pending row was accepted: keep the centre's answer. No-op (false) if the row is no longer pending. */
  markSent(id: number, receiptJson: string, at: string): boolean {
    return (
      this.db
        .prepare(`UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = NULL, receipt = ?, updated_at = ? WHERE id = ? AND state = 'pending'`)
        .run(receiptJson, at, id).changes === 1
    );
  }

  /** A pending row failed for a passing reason: it stays pending with one more attempt and the error. */
  markRetry(id: number, errorJson: string, at: string): boolean {
    return (
      this.db
        .prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'`)
        .run(errorJson, at, id).changes === 1
    );
  }

  /** A pending row was refused: an officer must look at it. */
  markAttention(id: number, errorJson: string, at: string): boolean {
    return (
      this.db
        .prepare(`UPDATE outbox SET state = 'attention', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'`)
        .run(errorJson, at, id).changes === 1
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
}
