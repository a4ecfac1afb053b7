import { z } from 'zod';

/** The lines of `GET /v1/changes` (DESIGN.md "Central system API"). */
export const CHANGE_TYPES = ['case', 'procedure', 'option', 'rulepack', 'form'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const CASE_STATUSES = ['received', 'processing', 'supplement-required', 'completed', 'rejected', 'returned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1).max(200);

export const changeLineSchema = z.discriminatedUnion('op', [
  z.object({ seq, type: z.enum(CHANGE_TYPES), op: z.literal('upsert'), id, data: z.record(z.string(), z.unknown()) }),
  z.object({ seq, type: z.enum(CHANGE_TYPES), op: z.literal('delete'), id }),
]);
export type ChangeLine = z.infer<typeof changeLineSchema>;

export const checkpointSchema = z.object({
  type: z.literal('checkpoint'),
  seq,
  more: z.boolean(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  sig: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** A service centre's code (as in device registration). */
const CENTRE_CODE = /^[A-Z0-9][A-Z0-9.-]{0,31}$/;

export const caseDataSchema = z.object({
  receiptCode: z.string().min(1).max(100),
  procedureCode: z.string().min(1).max(100),
  applicant: z.object({ personalNumber: z.string().regex(/^\d{12}$/), fullName: z.string().min(1).max(200) }),
  status: z.enum(CASE_STATUSES),
  receivedAt: z.string().min(1),
  dueAt: z.string().min(1),
  updatedAt: z.string().min(1),
  timeline: z.array(z.object({ at: z.string().min(1), status: z.enum(CASE_STATUSES), note: z.string() })),
  /** The centre that received the case; feeds from before the field have none. */
  centreCode: z.string().regex(CENTRE_CODE).optional(),
});
export type CaseData = z.infer<typeof caseDataSchema>;

/** What a kiosk is sent of a case (and all it keeps of one): no applicant, no timeline notes. */
export const caseStatusDataSchema = caseDataSchema.omit({ applicant: true, timeline: true });
export type CaseStatusData = z.infer<typeof caseStatusDataSchema>;

/** A case's status object: what a kiosk database keeps whatever the centre sent. */
export function caseStatusOf(d: CaseData | CaseStatusData): CaseStatusData {
  const { receiptCode, procedureCode, status, receivedAt, dueAt, updatedAt, centreCode } = d;
  return { receiptCode, procedureCode, status, receivedAt, dueAt, updatedAt, ...(centreCode !== undefined ? { centreCode } : {}) };
}

/** A whole case carries its applicant (or a timeline); a status object carries neither. */
export const isWholeCase = (d: CaseData | CaseStatusData): d is CaseData => 'applicant' in d;

const STATUS_SET: ReadonlySet<unknown> = new Set(CASE_STATUSES);
const PERSONAL_NUMBER = /^\d{12}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = Infinity): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max;

/**
 * A case upsert line checked by hand, with exactly the rules of `changeLineSchema` and
 * `caseDataSchema`: the initial sync checks a million of them and zod costs more than the JSON
 * parse. Returns what zod would return (unknown keys dropped), or null for any other line, which
 * the caller then gives to the zod schemas: they accept the other shapes and word the errors.
 */
export function parseCaseUpsert(line: unknown): { seq: number; type: 'case'; op: 'upsert'; id: string; data: CaseData } | null {
  if (!isObject(line) || line.type !== 'case' || line.op !== 'upsert') return null;
  const { seq, id, data } = line;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0 || !isText(id, 200) || !isObject(data)) return null;
  const { receiptCode, procedureCode, applicant, status, receivedAt, dueAt, updatedAt, timeline, centreCode } = data;
  if (!isText(receiptCode, 100) || !isText(procedureCode, 100) || !STATUS_SET.has(status)) return null;
  if (!isObject(applicant)) return null;
  const { personalNumber, fullName } = applicant;
  if (typeof personalNumber !== 'string' || !PERSONAL_NUMBER.test(personalNumber) || !isText(fullName, 200)) return null;
  if (!isText(receivedAt) || !isText(dueAt) || !isText(updatedAt) || !Array.isArray(timeline)) return null;
  if (centreCode !== undefined && (typeof centreCode !== 'string' || !CENTRE_CODE.test(centreCode))) return null;
  const entries: CaseData['timeline'] = [];
  for (const e of timeline as unknown[]) {
    if (!isObject(e) || !isText(e.at) || !STATUS_SET.has(e.status) || typeof e.note !== 'string') return null;
    entries.push({ at: e.at, status: e.status as CaseStatus, note: e.note });
  }
  return {
    seq,
    type: 'case',
    op: 'upsert',
    id,
    data: {
      receiptCode,
      procedureCode,
      applicant: { personalNumber, fullName },
      status: status as CaseStatus,
      receivedAt,
      dueAt,
      updatedAt,
      timeline: entries,
      ...(centreCode !== undefined ? { centreCode } : {}),
    },
  };
}

/** The fields of the `procedures` table, when a synced procedure carries them. */
export const procedureDataSchema = z.object({
  code: z.string().min(1),
  national: z.boolean(),
  name: z.object({ vi: z.string(), en: z.string() }),
  agency: z.object({ vi: z.string(), en: z.string() }),
  feeVnd: z.number().int().nonnegative().nullable().optional(),
  processingDays: z.number().int().nonnegative().nullable().optional(),
});
export type ProcedureData = z.infer<typeof procedureDataSchema>;

/** A change whose data has been checked for its type ('case' data against `caseDataSchema`). */
export type VerifiedChange =
  | { seq: number; type: 'case'; op: 'upsert'; id: string; data: CaseData | CaseStatusData }
  | { seq: number; type: Exclude<ChangeType, 'case'>; op: 'upsert'; id: string; data: Record<string, unknown> }
  | { seq: number; type: ChangeType; op: 'delete'; id: string };
