import { AppError } from '../contract';
import { CaseSearch } from './case-search';
import type { Db } from './connection';
import { fieldCipherOf } from './field-encryption';

/**
 * The deletions of the retention policy (electron/security/retention.ts), one function per kind of
 * row. Each takes its cut-off times (ISO, UTC) and returns how many rows it removed or reduced; the
 * caller runs each in its own transaction. Times are compared with julianday(): the feed's times may
 * carry an offset, and a time SQLite cannot read is NULL, so its row is kept, never deleted by mistake.
 */

const CLOSED_STATUSES = "('completed', 'rejected', 'returned')";

/** Refusals recorded before `refusedBefore`; acceptances that expired before `expiredBefore`. */
export function purgeConsents(db: Db, refusedBefore: string, expiredBefore: string): number {
  return db
    .prepare(
      `DELETE FROM consents WHERE (accepted = 0 AND julianday(recorded_at) < julianday(?))
         OR (accepted = 1 AND julianday(expires_at) < julianday(?))`,
    )
    .run(refusedBefore, expiredBefore).changes;
}

export interface DraftCutoffs {
  /**
   * Drafts never printed nor submitted, and those a kiosk printed with the whole dossier in the QR
   * (hand-off kind 'draft'): a turn's end deletes both, so these were left by a crash or a power cut.
   */
  unkeptBefore: string;
  /** Printed, never submitted, with a reference QR (the counter reads this copy), at a counter, or before the kind was recorded. */
  printedBefore: string;
  /** Submitted: the centre acknowledged the last sending before this time. */
  receivedBefore: string;
}

/**
 * Drafts past their time with their counter reviews (cascade), submissions and outbox rows (the
 * whole chain of a corrected submission goes in one statement, so its self-reference holds). A
 * draft with an outbox row still pending or refused ('attention') is never touched.
 */
export function purgeDrafts(db: Db, cut: DraftCutoffs): number {
  const ids = db
    .prepare<[DraftCutoffs], string>(
      `SELECT d.id FROM drafts d
       WHERE NOT EXISTS (SELECT 1 FROM counter_submissions s JOIN outbox o ON o.id = s.outbox_id
                         WHERE s.draft_id = d.id AND o.state IN ('pending', 'attention'))
         AND CASE WHEN EXISTS (SELECT 1 FROM counter_submissions s WHERE s.draft_id = d.id)
           THEN (SELECT max(julianday(o.updated_at)) FROM counter_submissions s JOIN outbox o ON o.id = s.outbox_id
                 WHERE s.draft_id = d.id AND o.state = 'sent') < julianday(@receivedBefore)
           ELSE julianday(d.updated_at) < julianday(CASE WHEN d.status = 'draft' OR (d.status = 'printed' AND d.handoff_kind = 'draft') THEN @unkeptBefore ELSE @printedBefore END)
         END`,
    )
    .pluck()
    .all(cut);
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  const outboxIds = JSON.stringify(
    db.prepare<[string], number>('SELECT outbox_id FROM counter_submissions WHERE draft_id IN (SELECT value FROM json_each(?))').pluck().all(list),
  );
  db.prepare('DELETE FROM counter_submissions WHERE draft_id IN (SELECT value FROM json_each(?))').run(list);
  const removed = db.prepare('DELETE FROM drafts WHERE id IN (SELECT value FROM json_each(?))').run(list).changes;
  db.prepare('DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?))').run(outboxIds);
  return removed;
}

/** What a sent dossier's body keeps: the procedure code, which the counter's provisional status shows. */
export function reducedBody(body: string): string {
  let procedureCode: unknown = null;
  try {
    procedureCode = (JSON.parse(body) as { procedureCode?: unknown }).procedureCode ?? null;
  } catch {
    // An unreadable body keeps nothing.
  }
  return JSON.stringify({ procedureCode: typeof procedureCode === 'string' ? procedureCode : null });
}

/**
 * Sent or superseded dossiers last written before `before`: the body (the applicant and the form's
 * values) is cut down to `reducedBody`; the receipt (receipt code, case id) stays. The body is
 * encrypted as the outbox repository keeps it (bound to the row's Idempotency-Key): opened, cut,
 * sealed again; a body that no longer opens (altered) keeps nothing. Without the data key this throws.
 */
export function reduceSentBodies(db: Db, before: string, at: string): number {
  const cipher = fieldCipherOf(db);
  const place = (row: string) => ({ table: 'outbox', column: 'body', row });
  const rows = db
    .prepare<[string], { id: number; idempotency_key: string; body: string }>(
      `SELECT id, idempotency_key, body FROM outbox
       WHERE state IN ('sent', 'superseded') AND reduced_at IS NULL AND julianday(updated_at) < julianday(?)`,
    )
    .all(before);
  const reduce = db.prepare<[string, string, number]>('UPDATE outbox SET body = ?, reduced_at = ? WHERE id = ?');
  const open = (stored: string, key: string): string => {
    try {
      return cipher.decrypt(stored, place(key));
    } catch (error) {
      if (error instanceof AppError && error.data.code === 'STORED_DATA_UNREADABLE') return '';
      throw error;
    }
  };
  for (const row of rows) {
    const key = row.idempotency_key;
    reduce.run(cipher.encrypt(reducedBody(open(row.body, key)), place(key)), at, row.id);
  }
  return rows.length;
}

/** Deletes cases and their name-index entries (through CaseSearch, so the full-text index stays whole). */
function deleteCases(db: Db, ids: readonly string[]): number {
  const search = CaseSearch.of(db);
  const del = db.prepare<[string]>('DELETE FROM cases WHERE id = ?');
  let removed = 0;
  for (const id of ids) {
    search.forget(id);
    removed += del.run(id).changes;
  }
  return removed;
}

/** Cases another centre received (a centre named, not this one), last updated before `before`. */
export function purgeOtherCentresCases(db: Db, ownCentre: string, before: string): number {
  const ids = db
    .prepare<[string, string], string>(
      'SELECT id FROM cases WHERE centre_code IS NOT NULL AND centre_code <> ? AND julianday(updated_at) < julianday(?)',
    )
    .pluck()
    .all(ownCentre, before);
  return deleteCases(db, ids);
}

/** Closed cases (completed, rejected, returned) last updated before `before`; open cases are never touched. */
export function purgeClosedCases(db: Db, before: string): number {
  const ids = db
    .prepare<[string], string>(`SELECT id FROM cases WHERE status IN ${CLOSED_STATUSES} AND julianday(updated_at) < julianday(?)`)
    .pluck()
    .all(before);
  return deleteCases(db, ids);
}
