import type { OriginalsReview } from '../contract';
import type { FieldCipher } from '../security/field-cipher';
import type { Db } from './connection';
import { fieldCipherOf } from './field-encryption';

export interface SubmissionRow {
  id: number;
  draft_id: string;
  outbox_id: number;
  received_at: string;
  expected_result_date: string | null;
}

const place = (column: 'attachments' | 'supplement_note', draftId: string) => ({ table: 'counter_reviews', column, row: draftId });

/**
 * The counter's checks of the originals and its submissions (migration 008). PRIVACY: the notes may
 * name the applicant: `attachments` and `supplement_note` are stored encrypted.
 */
export class CounterRepository {
  private readonly cipher: FieldCipher;

  constructor(private readonly db: Db) {
    this.cipher = fieldCipherOf(db);
  }

  review(draftId: string): OriginalsReview | null {
    const row = this.db
      .prepare<[string], { attachments: string; needs_supplement: number; supplement_note: string }>(
        'SELECT attachments, needs_supplement, supplement_note FROM counter_reviews WHERE draft_id = ?',
      )
      .get(draftId);
    if (!row) return null;
    return {
      attachments: JSON.parse(this.cipher.decrypt(row.attachments, place('attachments', draftId))) as OriginalsReview['attachments'],
      needsSupplement: row.needs_supplement === 1,
      supplementNote: this.cipher.decrypt(row.supplement_note, place('supplement_note', draftId)),
    };
  }

  saveReview(draftId: string, review: OriginalsReview, at: string): void {
    this.db
      .prepare(
        `INSERT INTO counter_reviews (draft_id, attachments, needs_supplement, supplement_note, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (draft_id) DO UPDATE SET attachments = excluded.attachments, needs_supplement = excluded.needs_supplement,
           supplement_note = excluded.supplement_note, updated_at = excluded.updated_at`,
      )
      .run(
        draftId,
        this.cipher.encrypt(JSON.stringify(review.attachments), place('attachments', draftId)),
        review.needsSupplement ? 1 : 0,
        this.cipher.encrypt(review.supplementNote, place('supplement_note', draftId)),
        at,
      );
  }

  insertSubmission(row: Omit<SubmissionRow, 'id'>): number {
    const info = this.db
      .prepare('INSERT INTO counter_submissions (draft_id, outbox_id, received_at, expected_result_date) VALUES (?, ?, ?, ?)')
      .run(row.draft_id, row.outbox_id, row.received_at, row.expected_result_date);
    return Number(info.lastInsertRowid);
  }

  submission(id: number): SubmissionRow | undefined {
    return this.db.prepare<[number], SubmissionRow>('SELECT * FROM counter_submissions WHERE id = ?').get(id);
  }

  /**
   * The submission whose provisional reference is `reference` (TN-XXXX-XXXX-XXXX: the first 12 hex
   * digits of its outbox Idempotency-Key). A scan of this machine's submissions, which are few.
   */
  submissionByReference(reference: string): SubmissionRow | undefined {
    const hex = reference.replace(/^TN-/, '').replaceAll('-', '').toLowerCase();
    return this.db
      .prepare<[string], SubmissionRow>(
        `SELECT s.* FROM counter_submissions s JOIN outbox o ON o.id = s.outbox_id
         WHERE substr(replace(lower(o.idempotency_key), '-', ''), 1, 12) = ? ORDER BY s.id LIMIT 1`,
      )
      .get(hex);
  }

  /** The draft's latest submission: a refused one corrected and sent again has several (migration 009). */
  submissionOfDraft(draftId: string): SubmissionRow | undefined {
    return this.db.prepare<[string], SubmissionRow>('SELECT * FROM counter_submissions WHERE draft_id = ? ORDER BY id DESC LIMIT 1').get(draftId);
  }

  submissionOfOutbox(outboxId: number): SubmissionRow | undefined {
    return this.db.prepare<[number], SubmissionRow>('SELECT * FROM counter_submissions WHERE outbox_id = ?').get(outboxId);
  }

  /** The submissions the centre refused ('attention' in the outbox), oldest first. */
  refused(): SubmissionRow[] {
    return this.db
      .prepare<[], SubmissionRow>(`SELECT s.* FROM counter_submissions s JOIN outbox o ON o.id = s.outbox_id WHERE o.state = 'attention' ORDER BY s.id`)
      .all();
  }
}
