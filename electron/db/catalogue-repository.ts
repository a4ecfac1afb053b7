import type { LocalizedText } from '../contract';
import type { Db } from './connection';

export interface Centre {
  code: string;
  name: LocalizedText;
  address: string;
}

export interface Procedure {
  code: string;
  national: boolean;
  name: LocalizedText;
  agency: LocalizedText;
  feeVnd: number | null;
  processingDays: number | null;
}

interface ProcedureRow {
  code: string;
  national: number;
  name_vi: string;
  name_en: string;
  agency_vi: string;
  agency_en: string;
  fee_vnd: number | null;
  processing_days: number | null;
}

const toProcedure = (row: ProcedureRow): Procedure => ({
  code: row.code,
  national: row.national === 1,
  name: { vi: row.name_vi, en: row.name_en },
  agency: { vi: row.agency_vi, en: row.agency_en },
  feeVnd: row.fee_vnd,
  processingDays: row.processing_days,
});

export class CatalogueRepository {
  constructor(private readonly db: Db) {}

  /** The centre this machine serves, set at registration (or by the demo). */
  centre(): Centre | null {
    const row = this.db
      .prepare<[], { code: string; name_vi: string; name_en: string; address: string }>(
        `SELECT c.code, c.name_vi, c.name_en, c.address FROM centres c
         JOIN settings s ON s.key = 'centre.code' AND s.value = c.code`,
      )
      .get();
    return row ? { code: row.code, name: { vi: row.name_vi, en: row.name_en }, address: row.address } : null;
  }

  upsertCentre(c: Centre): void {
    this.db
      .prepare(
        `INSERT INTO centres (code, name_vi, name_en, address) VALUES (?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, address = excluded.address`,
      )
      .run(c.code, c.name.vi, c.name.en, c.address);
  }

  procedure(code: string): Procedure | null {
    const row = this.db.prepare<[string], ProcedureRow>('SELECT * FROM procedures WHERE code = ?').get(code);
    return row ? toProcedure(row) : null;
  }

  /** Every procedure this machine knows (the kiosk's catalogue search reads them all once per change). */
  procedures(): Procedure[] {
    return this.db.prepare<[], ProcedureRow>('SELECT * FROM procedures').all().map(toProcedure);
  }

  upsertProcedure(p: Procedure): void {
    this.db
      .prepare(
        `INSERT INTO procedures (code, national, name_vi, name_en, agency_vi, agency_en, fee_vnd, processing_days)
         VALUES (@code, @national, @name_vi, @name_en, @agency_vi, @agency_en, @fee_vnd, @processing_days)
         ON CONFLICT (code) DO UPDATE SET national = excluded.national, name_vi = excluded.name_vi,
           name_en = excluded.name_en, agency_vi = excluded.agency_vi, agency_en = excluded.agency_en,
           fee_vnd = excluded.fee_vnd, processing_days = excluded.processing_days`,
      )
      .run({
        code: p.code,
        national: p.national ? 1 : 0,
        name_vi: p.name.vi,
        name_en: p.name.en,
        agency_vi: p.agency.vi,
        agency_en: p.agency.en,
        fee_vnd: p.feeVnd,
        processing_days: p.processingDays,
      });
  }
}
