import type { Db } from './connection';

export type DraftStatus = 'draft' | 'printed' | 'submitted';

export interface DraftRow {
  id: string;
  session: string;
  subject: string;
  form_id: string;
  status: DraftStatus;
  data: string;
  created_at: string;
  updated_at: string;
}

export class DraftRepository {
  constructor(private readonly db: Db) {}

  save(row: DraftRow): void {
    this.db
      .prepare(
        `INSERT INTO drafts (id, session, subject, form_id, status, data, created_at, updated_at)
         VALUES (@id, @session, @subject, @form_id, @status, @data, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(row);
  }

  byId(id: string): DraftRow | undefined {
    return this.db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?').get(id);
  }

  /** A printed dossier handed off to a counter becomes that session's. */
  handOver(id: string, session: string, at: string): void {
    this.db.prepare('UPDATE drafts SET session = ?, updated_at = ? WHERE id = ?').run(session, at, id);
  }

  /** Session end: what was neither printed nor submitted goes. */
  purgeUnkept(session: string): number {
    return this.db.prepare("DELETE FROM drafts WHERE session = ? AND status = 'draft'").run(session).changes;
  }
}
