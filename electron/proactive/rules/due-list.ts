import type { RuleReminder } from '../../contract';
import type { Db } from '../../db/connection';
import type { IsoDate } from '../../base/calendar-date';
import type { RuleEngine } from './engine';
import type { SyncedCase } from './facts';
import { compareUrgency } from './urgency';

/** The columns of a synced case (table `cases`) that the due list reads. */
export interface DueCaseRow extends SyncedCase {
  applicantPersonalNumber: string;
  applicantFullName: string;
}

/** One line of the officers' due list: whose case, and what is due. Holds personal data. */
export interface DueEntry {
  receiptCode: string;
  applicant: { personalNumber: string; fullName: string };
  reminder: RuleReminder;
}

/** The case rules over synced cases: supplements due and results to collect, most urgent first. */
export function dueListOf(rows: Iterable<DueCaseRow>, engine: RuleEngine, today: IsoDate): DueEntry[] {
  const entries: DueEntry[] = [];
  for (const row of rows) {
    const c: SyncedCase = { receiptCode: row.receiptCode, procedureCode: row.procedureCode, status: row.status, dueAt: row.dueAt, updatedAt: row.updatedAt };
    for (const reminder of engine.evaluateCase(c, today)) {
      entries.push({ receiptCode: row.receiptCode, applicant: { personalNumber: row.applicantPersonalNumber, fullName: row.applicantFullName }, reminder });
    }
  }
  const urgency = compareUrgency(today);
  return entries.sort((a, b) => urgency(a.reminder, b.reminder) || (a.receiptCode < b.receiptCode ? -1 : a.receiptCode > b.receiptCode ? 1 : 0));
}

const SELECT = `SELECT receipt_code AS receiptCode, procedure_code AS procedureCode, applicant_personal_number AS applicantPersonalNumber,
  applicant_full_name AS applicantFullName, status, due_at AS dueAt, updated_at AS updatedAt FROM cases`;

/** The due list over the synced `cases` table; only the statuses the case rules remind about are read. */
export function dueList(db: Db, engine: RuleEngine, today: IsoDate): DueEntry[] {
  const statuses = engine.caseStatuses;
  const rows =
    statuses === null
      ? db.prepare<[], DueCaseRow>(SELECT).iterate()
      : db.prepare<[string], DueCaseRow>(`${SELECT} WHERE status IN (SELECT value FROM json_each(?))`).iterate(JSON.stringify(statuses));
  return dueListOf(rows, engine, today);
}
