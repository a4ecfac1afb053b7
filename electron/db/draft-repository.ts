import type { FieldCipher } from '../security/field-cipher';
import type { Db } from './connection';
import { fieldCipherOf } from './field-encryption';

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

const place = (id: string) => ({ table: 'drafts', column: 'data', row: id });

/** PRIVACY: `data` is stored encrypted (electron/security/field-cipher.ts); rows come back in clear. */
export class DraftRepository {
  private readonly cipher: FieldCipher;

  constructor(private readonly db: Db) {
    this.cipher = fieldCipherOf(db);
  }

  save(row: DraftRow): void {
    this.db
      .prepare(
        `INSERT INTO drafts (id, session, subject, form_id, status, data, created_at, updated_at)
         VALUES (@id, @session, @subject, @form_id, @status, @data, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run({ ...row, data: this.cipher.encrypt(row.data, place(row.id)) });
  }

  byId(id: string): DraftRow | undefined {
    const row = this.db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?').get(id);
    return row && { ...row, data: this.cipher.decrypt(row.data, place(row.id)) };
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
