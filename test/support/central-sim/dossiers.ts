/**
 * POST /v1/dossiers: validation, and idempotency by key — the same key and body replay the
 * stored answer, a different body under a used key is a 409, a new key makes exactly one case.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parsePersonalNumber } from '../../../drivers/idcard/personal-number';
import { caseIdFor, dueAtFor, receiptCodeFor, SIM_CENTRE, type CaseData } from './cases';
import { SUBMITTABLE } from './catalogue';
import { canonicalJson, HttpError } from './http-util';
import type { CentralStore, StoredReply } from './store';

const dossierSchema = z.strictObject({
  procedureCode: z.string().min(1).max(64),
  applicant: z.strictObject({
    personalNumber: z.string().refine((v) => { const p = parsePersonalNumber(v); return p.ok && p.value.value === v; }, 'not a valid 12-digit personal number'),
    fullName: z.string().trim().min(1).max(100),
  }),
  fields: z.record(z.string().max(100), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()])),
});

export function submitDossier(store: CentralStore, idempotencyKey: string | undefined, body: unknown, now: () => Date): StoredReply {
  if (!idempotencyKey || idempotencyKey.length > 200) throw new HttpError(400, 'missing-idempotency-key', 'The Idempotency-Key header (1–200 characters) is required.');
  const parsed = dossierSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'bad-dossier', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const dossier = parsed.data;
  const procedure = SUBMITTABLE.find((p) => p.code === dossier.procedureCode);
  if (!procedure) throw new HttpError(400, 'unknown-procedure', `No procedure ${dossier.procedureCode}.`);
  const bodyHash = createHash('sha256').update(canonicalJson(dossier)).digest('hex');

  // Check and create in one transaction: two racing requests with one key cannot both create.
  return store.transaction(() => {
    const seen = store.idempotent(idempotencyKey);
    if (seen) {
      if (seen.bodyHash !== bodyHash) throw new HttpError(409, 'idempotency-key-reused', 'This Idempotency-Key was used with a different body.');
      return seen.reply;
    }
    const index = store.allocateCaseIndex();
    const at = now();
    const data: CaseData = {
      receiptCode: receiptCodeFor(index, at),
      procedureCode: procedure.code,
      applicant: { personalNumber: dossier.applicant.personalNumber, fullName: dossier.applicant.fullName },
      status: 'received',
      receivedAt: at.toISOString(),
      dueAt: dueAtFor(at, procedure),
      updatedAt: at.toISOString(),
      timeline: [{ at: at.toISOString(), status: 'received', note: 'Tiếp nhận hồ sơ từ kiosk' }],
      centreCode: SIM_CENTRE,
    };
    const caseId = caseIdFor(index);
    store.append({ type: 'case', op: 'upsert', id: caseId, data }, data.receiptCode);
    const reply: StoredReply = { status: 201, body: { caseId, receiptCode: data.receiptCode, status: 'received' } };
    store.remember(idempotencyKey, bodyHash, reply);
    return reply;
  });
}
