import type { CitizenProfile } from '../contract';
import type { Db } from './connection';

type CitizenCase = NonNullable<CitizenProfile['cases']>[number];

/** One citizen's synced cases (by the indexed applicant number), as the reminder rules read them. */
export function casesOf(db: Db, personalNumber: string): CitizenCase[] {
  return db
    .prepare<[string], CitizenCase>(
      `SELECT receipt_code AS receiptCode, procedure_code AS procedureCode, status, due_at AS dueAt, updated_at AS updatedAt
       FROM cases WHERE applicant_personal_number = ? ORDER BY updated_at DESC LIMIT 200`,
    )
    .all(personalNumber);
}
