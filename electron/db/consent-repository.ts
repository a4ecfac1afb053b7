import type { Db } from './connection';

export interface ConsentRow {
  id: string;
  session: string;
  subject: string;
  purpose: string;
  scope: string;
  legal_basis: string;
  accepted: 0 | 1;
  recorded_at: string;
  expires_at: string | null;
}

export class ConsentRepository {
  constructor(private readonly db: Db) {}

  insert(row: ConsentRow): void {
    this.db
      .prepare(
        `INSERT INTO consents (id, session, subject, purpose, scope, legal_basis, accepted, recorded_at, expires_at)
         VALUES (@id, @session, @subject, @purpose, @scope, @legal_basis, @accepted, @recorded_at, @expires_at)`,
      )
      .run(row);
  }

  byId(id: string): ConsentRow | undefined {
    return this.db.prepare<[string], ConsentRow>('SELECT * FROM consents WHERE id = ?').get(id);
  }

  /** A kiosk turn's end: its consents go; the audit's `consent.decide` entry is the proof. */
  purgeSession(session: string): number {
    return this.db.prepare('DELETE FROM consents WHERE session = ?').run(session).changes;
  }
}
