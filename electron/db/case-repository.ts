import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './connection';

export type SyncedCaseStatus = 'received' | 'processing' | 'supplement-required' | 'completed' | 'rejected' | 'returned';

export interface CaseTimelineEntry {
  at: string;
  status: SyncedCaseStatus;
  note: string;
}

/** A dossier of this centre as synced from the central system. Holds personal data. */
export interface CaseRecord {
  id: string;
  receiptCode: string;
  procedureCode: string;
  applicant: { personalNumber: string; fullName: string };
  status: SyncedCaseStatus;
  receivedAt: string;
  dueAt: string;
  updatedAt: string;
  timeline: CaseTimelineEntry[];
  /** Feed seq of the change that last wrote the case. */
  seq: number;
  /** The centre that received the case; absent or null from a feed without it (taken as this centre's). */
  centreCode?: string | null;
}

interface Row {
  id: string;
  receipt_code: string;
  procedure_code: string;
  applicant_personal_number: string;
  applicant_full_name: string;
  status: SyncedCaseStatus;
  received_at: string;
  due_at: string;
  updated_at: string;
  timeline: string;
  seq: number;
  centre_code: string | null;
}

const fromRow = (r: Row): CaseRecord => ({
  id: r.id,
  receiptCode: r.receipt_code,
  procedureCode: r.procedure_code,
  applicant: { personalNumber: r.applicant_personal_number, fullName: r.applicant_full_name },
  status: r.status,
  receivedAt: r.received_at,
  dueAt: r.due_at,
  updatedAt: r.updated_at,
  timeline: JSON.parse(r.timeline) as CaseTimelineEntry[],
  seq: r.seq,
  centreCode: r.centre_code,
});

/** Synced cases (table `cases`). Writes come from the sync feed only. */
export class CaseRepository {
  // Prepared once: the initial sync writes a million of them.
  private upsertStatement: Statement | undefined;
  private deleteStatement: Statement | undefined;

  constructor(private readonly db: Db) {}

  byId(id: string): CaseRecord | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM cases WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  byReceiptCode(code: string): CaseRecord | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM cases WHERE receipt_code = ?').get(code);
    return row ? fromRow(row) : null;
  }

  /** Cases of one applicant, newest first (counter search). */
  byApplicant(personalNumber: string): CaseRecord[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM cases WHERE applicant_personal_number = ? ORDER BY received_at DESC, id')
      .all(personalNumber)
      .map(fromRow);
  }

  all(): CaseRecord[] {
    return this.db.prepare<[], Row>('SELECT * FROM cases ORDER BY id').all().map(fromRow);
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases').get()!.n;
  }

  /** Inserts or replaces the case with this id; writing the same record twice changes nothing. */
  upsert(c: CaseRecord): void {
    this.write(c.id, c.seq, c);
  }

  /** The same, from a feed change's id, seq and data as they are (the sync copies nothing per case). */
  write(id: string, seq: number, c: Omit<CaseRecord, 'id' | 'seq'>): void {
    // Positional parameters: binding by name costs a lookup per parameter, a million times.
    (this.upsertStatement ??= this.db.prepare(
      `INSERT INTO cases (id, receipt_code, procedure_code, applicant_personal_number, applicant_full_name, status,
         received_at, due_at, updated_at, timeline, seq, centre_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET receipt_code = excluded.receipt_code, procedure_code = excluded.procedure_code,
         applicant_personal_number = excluded.applicant_personal_number, applicant_full_name = excluded.applicant_full_name,
         status = excluded.status, received_at = excluded.received_at, due_at = excluded.due_at,
         updated_at = excluded.updated_at, timeline = excluded.timeline, seq = excluded.seq,
         centre_code = excluded.centre_code`,
    )).run(
      id,
      c.receiptCode,
      c.procedureCode,
      c.applicant.personalNumber,
      c.applicant.fullName,
      c.status,
      c.receivedAt,
      c.dueAt,
      c.updatedAt,
      JSON.stringify(c.timeline),
      seq,
      c.centreCode ?? null,
    );
  }

  delete(id: string): boolean {
    return (this.deleteStatement ??= this.db.prepare('DELETE FROM cases WHERE id = ?')).run(id).changes > 0;
  }
}
