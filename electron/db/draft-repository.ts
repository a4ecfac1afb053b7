import type { FieldCipher } from '../security/field-cipher';
import type { Db } from './connection';
import { fieldCipherOf } from './field-encryption';

export type DraftStatus = 'draft' | 'printed' | 'submitted';
/** What the QR of a kiosk's print-out carries: the whole signed dossier, or its id (electron/security/device-signing.ts). */
export type HandoffKind = 'draft' | 'reference';

export interface DraftRow {
  id: string;
  session: string;
  subject: string;
  form_id: string;
  status: DraftStatus;
  data: string;
  created_at: string;
  updated_at: string;
  /** Set by a kiosk's print; absent or null: not printed at a kiosk, taken over by a counter, or older than the column. */
  handoff_kind?: HandoffKind | null;
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
        `INSERT INTO drafts (id, session, subject, form_id, status, data, created_at, updated_at, handoff_kind)
         VALUES (@id, @session, @subject, @form_id, @status, @data, @created_at, @updated_at, @handoff_kind)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, data = excluded.data, updated_at = excluded.updated_at, handoff_kind = excluded.handoff_kind`,
      )
      .run({ ...row, data: this.cipher.encrypt(row.data, place(row.id)), handoff_kind: row.handoff_kind ?? null });
  }

  byId(id: string): DraftRow | undefined {
    const row = this.db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?').get(id);
    return row && { ...row, data: this.cipher.decrypt(row.data, place(row.id)) };
  }

  /** A printed dossier handed off to a counter becomes that session's, under the counter's rules (no kiosk hand-off kind). */
  handOver(id: string, session: string, at: string): void {
    this.db.prepare('UPDATE drafts SET session = ?, updated_at = ?, handoff_kind = NULL WHERE id = ?').run(session, at, id);
  }

  /** Session end: what was neither printed nor submitted goes. */
  purgeUnkept(session: string): number {
    return this.db.prepare("DELETE FROM drafts WHERE session = ? AND status = 'draft'").run(session).changes;
  }

  /** A kiosk turn's end: the dossiers whose print-out carries them whole go too (the counter needs only the QR). */
  purgeHandedOffWhole(session: string): number {
    return this.db.prepare("DELETE FROM drafts WHERE session = ? AND status = 'printed' AND handoff_kind = 'draft'").run(session).changes;
  }
}
