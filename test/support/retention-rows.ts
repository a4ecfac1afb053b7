/**
 * Rows of every kind the retention policy purges, written straight into a real database file (the
 * cases through the sync's own applyBatch and the name index's catch-up, as a feed batch would be).
 */
import { CaseSearch } from '../../electron/db/case-search';
import type { Db } from '../../electron/db/connection';
import { OutboxRepository } from '../../electron/db/outbox-repository';
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

/** A draft and its counter review, last written at `updatedAt`; `handoff`: what a kiosk's print-out carried (null: not recorded). */
export function insertDraft(db: Db, id: string, status: 'draft' | 'printed' | 'submitted', updatedAt: string, handoff: 'draft' | 'reference' | null = null): void {
  db.prepare(
    `INSERT INTO drafts (id, session, subject, form_id, status, data, created_at, updated_at, handoff_kind) VALUES (?, 's', 'hmac', 'cc01', ?, '{}', ?, ?, ?)`,
  ).run(id, status, updatedAt, updatedAt, handoff);
  db.prepare(`INSERT INTO counter_reviews (draft_id, attachments, needs_supplement, supplement_note, updated_at) VALUES (?, '[]', 0, 'ghi chú', ?)`).run(id, updatedAt);
}

const receiptOf = (draftId: string) => JSON.stringify({ caseId: `case-${draftId}`, receiptCode: `MC-${draftId}`, status: 'received' });
const REFUSAL = JSON.stringify({ kind: 'refused', status: 422, code: 'invalid-field', message: 'Thiếu trường bắt buộc', retryAfterSeconds: null, delayMs: null, at: '' });

function submit(db: Db, draftId: string, outboxId: number, at: string): number {
  db.prepare('INSERT INTO counter_submissions (draft_id, outbox_id, received_at) VALUES (?, ?, ?)').run(draftId, outboxId, at);
  return outboxId;
}

/**
 * A submission of `draftId` through the outbox's own repository (so its columns are stored as the
 * app stores them), left in `state` as of `at`; returns the outbox id.
 */
export function insertSubmission(db: Db, draftId: string, state: 'pending' | 'sent' | 'attention', at: string): number {
  const outbox = new OutboxRepository(db);
  const id = outbox.insert(`key-${draftId}-${state}-${at}`, SENT_BODY, at);
  if (state === 'sent') outbox.markSent(id, receiptOf(draftId), at);
  if (state === 'attention') outbox.markAttention(id, REFUSAL, at);
  return submit(db, draftId, id, at);
}

/** A submission the centre refused at `refusedAt`, corrected and sent again, acknowledged at `sentAt`: [refused, sent] outbox ids. */
export function insertCorrectedSubmission(db: Db, draftId: string, refusedAt: string, sentAt: string): [number, number] {
  const outbox = new OutboxRepository(db);
  const refused = insertSubmission(db, draftId, 'attention', refusedAt);
  const sent = outbox.supersede(refused, `key-${draftId}-corrected`, SENT_BODY, refusedAt)!;
  outbox.markSent(sent, receiptOf(draftId), sentAt);
  return [refused, submit(db, draftId, sent, refusedAt)];
}

/** The body of an outbox row as the app reads it. */
export const outboxBody = (db: Db, id: number): string => new OutboxRepository(db).get(id)!.body;

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
