/**
 * Rows of every kind the retention policy purges, written straight into a real database file (the
 * cases through the sync's own applyBatch and the name index's catch-up, as a feed batch would be).
 */
import { CaseSearch } from '../../electron/db/case-search';
import type { Db } from '../../electron/db/connection';
import { applyBatch } from '../../electron/sync/apply-batch';
import type { CaseData } from '../../electron/sync/feed-schema';

/** A dossier body as the counter sends it: the applicant's number and name are in it. */
export const SENT_BODY = JSON.stringify({ procedureCode: 'CC.CAP-DOI', applicant: { personalNumber: '001090012345', fullName: 'Trần Thị Bích' }, fields: {} });

export function insertConsent(db: Db, id: string, accepted: boolean, recordedAt: string, expiresAt: string | null): void {
  db.prepare(
    `INSERT INTO consents (id, session, subject, purpose, scope, legal_basis, accepted, recorded_at, expires_at)
     VALUES (?, 's', 'hmac', 'prefill', '[]', 'basis', ?, ?, ?)`,
  ).run(id, accepted ? 1 : 0, recordedAt, expiresAt);
}

/** A draft and its counter review, last written at `updatedAt`. */
export function insertDraft(db: Db, id: string, status: 'draft' | 'printed' | 'submitted', updatedAt: string): void {
  db.prepare(
    `INSERT INTO drafts (id, session, subject, form_id, status, data, created_at, updated_at) VALUES (?, 's', 'hmac', 'cc01', ?, '{}', ?, ?)`,
  ).run(id, status, updatedAt, updatedAt);
  db.prepare(`INSERT INTO counter_reviews (draft_id, attachments, needs_supplement, supplement_note, updated_at) VALUES (?, '[]', 0, 'ghi chú', ?)`).run(id, updatedAt);
}

/** A submission of `draftId` through an outbox row in `state`, last written at `updatedAt`; returns the outbox id. */
export function insertSubmission(
  db: Db,
  draftId: string,
  state: 'pending' | 'sent' | 'attention' | 'superseded',
  updatedAt: string,
  supersededBy: number | null = null,
): number {
  const receipt = state === 'sent' ? JSON.stringify({ caseId: `case-${draftId}`, receiptCode: `MC-${draftId}`, status: 'received' }) : null;
  const outboxId = Number(
    db
      .prepare(`INSERT INTO outbox (idempotency_key, body, state, receipt, created_at, updated_at, superseded_by) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(`key-${draftId}-${state}-${updatedAt}`, SENT_BODY, state, receipt, updatedAt, updatedAt, supersededBy).lastInsertRowid,
  );
  db.prepare('INSERT INTO counter_submissions (draft_id, outbox_id, received_at) VALUES (?, ?, ?)').run(draftId, outboxId, updatedAt);
  return outboxId;
}

export interface SyncedCase {
  id: string;
  name: string;
  status: CaseData['status'];
  updatedAt: string;
  centreCode?: string;
}

/** Cases as one verified feed batch after the cursor, then indexed for the name search; receipt code `MC-<id>`. */
export function syncCases(db: Db, cases: SyncedCase[]): void {
  const after = db.prepare<[], number>('SELECT coalesce(max(cursor), 0) FROM sync_state').pluck().get()!;
  let seq = after;
  const changes = cases.map((c) => {
    seq += 1;
    const data: CaseData = {
      receiptCode: `MC-${c.id}`,
      procedureCode: 'CC.CAP-DOI',
      applicant: { personalNumber: `0010900${String(seq).padStart(5, '0')}`, fullName: c.name },
      status: c.status,
      receivedAt: '2024-01-02T03:00:00.000Z',
      dueAt: '2024-01-20T03:00:00.000Z',
      updatedAt: c.updatedAt,
      timeline: [{ at: '2024-01-02T03:00:00.000Z', status: 'received', note: '' }],
      ...(c.centreCode ? { centreCode: c.centreCode } : {}),
    };
    return { seq, type: 'case' as const, op: 'upsert' as const, id: c.id, data };
  });
  applyBatch(db, { after, changes, checkpoint: { type: 'checkpoint', seq, more: false, hash: '0'.repeat(64), sig: 'AA==' } });
  CaseSearch.of(db).catchUp();
}

/** What a purge may change, table by table: equal snapshots mean nothing changed. */
export const retentionSnapshot = (db: Db) =>
  ['consents', 'drafts', 'counter_reviews', 'counter_submissions', 'outbox', 'cases', 'case_search_docs', 'audit_log'].map((t) =>
    db.prepare(`SELECT * FROM ${t}`).all(),
  );
