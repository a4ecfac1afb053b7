import { CaseRepository, NO_APPLICANT } from '../db/case-repository';
import type { Db } from '../db/connection';
import { storedRole } from '../db/machine-role';
import { SyncStateRepository } from '../db/sync-state-repository';
import type { VerifiedBatch } from './batch-verifier';
import { caseStatusOf, isWholeCase, procedureDataSchema, type VerifiedChange } from './feed-schema';

/** The feed name of `GET /v1/changes` in `sync_state`. */
export const CHANGES_FEED = 'changes';

export interface ApplyResult {
  /** Changes written (upserts and deletes); changes at or below the cursor are not counted. */
  applied: number;
  /** Changes ignored because their seq was at or below the cursor (a replay). */
  skipped: number;
  cursor: number;
}

/**
 * Applies a verified batch and the new cursor in one transaction: either every change and the
 * cursor are written, or nothing is. Upserts write the whole row, so applying a batch again
 * changes nothing; changes with seq at or below the stored cursor are skipped.
 *
 * On a kiosk (the stored role) a case is kept as its status object only, whatever the centre sent.
 *
 * Non-case objects go to `synced_objects`. A 'procedure' whose data has the fields of the
 * `procedures` table is also written there (by its `code`), and a procedure delete removes the
 * `procedures` row that the synced object had written; other procedures (the demo seed, local
 * ones) are never touched.
 */
export function applyBatch(db: Db, batch: VerifiedBatch, feed = CHANGES_FEED, now: () => Date = () => new Date()): ApplyResult {
  const state = new SyncStateRepository(db);
  const cases = new CaseRepository(db);
  const statusOnly = storedRole(db) === 'kiosk';
  const getObject = db.prepare<[string, string], { data: string }>('SELECT data FROM synced_objects WHERE type = ? AND id = ?');
  const putObject = db.prepare(
    `INSERT INTO synced_objects (type, id, data, seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (type, id) DO UPDATE SET data = excluded.data, seq = excluded.seq`,
  );
  const deleteObject = db.prepare('DELETE FROM synced_objects WHERE type = ? AND id = ?');
  const putProcedure = db.prepare(
    `INSERT INTO procedures (code, national, name_vi, name_en, agency_vi, agency_en, fee_vnd, processing_days)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET national = excluded.national, name_vi = excluded.name_vi, name_en = excluded.name_en,
       agency_vi = excluded.agency_vi, agency_en = excluded.agency_en, fee_vnd = excluded.fee_vnd,
       processing_days = excluded.processing_days`,
  );
  const deleteProcedure = db.prepare('DELETE FROM procedures WHERE code = ?');

  const procedureCodeOf = (id: string): string | null => {
    const row = getObject.get('procedure', id);
    if (!row) return null;
    const parsed = procedureDataSchema.safeParse(JSON.parse(row.data));
    return parsed.success ? parsed.data.code : null;
  };

  const applyOne = (c: VerifiedChange): void => {
    if (c.type === 'case') {
      if (c.op === 'delete') cases.delete(c.id);
      // A kiosk keeps the status object even when an older or misconfigured centre sends the whole case.
      else if (statusOnly || !isWholeCase(c.data)) cases.write(c.id, c.seq, { ...caseStatusOf(c.data), applicant: NO_APPLICANT, timeline: [] });
      else cases.write(c.id, c.seq, c.data);
      return;
    }
    if (c.type === 'procedure') {
      const previous = procedureCodeOf(c.id);
      const next = c.op === 'upsert' ? procedureDataSchema.safeParse(c.data) : null;
      const nextCode = next?.success ? next.data.code : null;
      if (previous !== null && previous !== nextCode) deleteProcedure.run(previous);
      if (next?.success) {
        const p = next.data;
        putProcedure.run(p.code, p.national ? 1 : 0, p.name.vi, p.name.en, p.agency.vi, p.agency.en, p.feeVnd ?? null, p.processingDays ?? null);
      }
    }
    if (c.op === 'delete') deleteObject.run(c.type, c.id);
    else putObject.run(c.type, c.id, JSON.stringify(c.data), c.seq);
  };

  return db.transaction((): ApplyResult => {
    const cursor = state.cursor(feed);
    let applied = 0;
    let skipped = 0;
    for (const change of batch.changes) {
      if (change.seq <= cursor) {
        skipped++;
        continue;
      }
      applyOne(change);
      applied++;
    }
    const next = Math.max(cursor, batch.checkpoint.seq);
    state.advance(feed, next, now().toISOString());
    return { applied, skipped, cursor: next };
  })();
}
