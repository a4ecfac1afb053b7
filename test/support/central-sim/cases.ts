/**
 * Case records as the feed and GET /v1/cases carry them, and the generator of realistic ones.
 * A timeline always follows the allowed status paths, so a client can rely on it being consistent.
 */
import { citizenName, makePersonalNumber } from './citizens';
import type { Prng } from './prng';

export const CASE_STATUSES = ['received', 'processing', 'supplement-required', 'completed', 'rejected', 'returned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface TimelineEntry { at: string; status: CaseStatus; note: string }

export interface CaseData {
  receiptCode: string;
  procedureCode: string;
  applicant: { personalNumber: string; fullName: string };
  status: CaseStatus;
  receivedAt: string;
  dueAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
  /** The centre that received the case (absent in feeds from before the field). */
  centreCode?: string;
}

/** The simulated system serves the demo centre; a neighbouring centre's cases come down the same feed. */
export const SIM_CENTRE = 'DEMO-TTHCC-01';
export const NEIGHBOUR_CENTRE = 'DEMO-TTHCC-02';

/** Every tenth generated case was received at the neighbouring centre: a machine keeps only its own (retention). */
export const centreOfCase = (index: number): string => (index % 10 === 0 ? NEIGHBOUR_CENTRE : SIM_CENTRE);

export interface ProcedureInfo { code: string; processingDays: number }

const NOTES: Record<CaseStatus, readonly string[]> = {
  received: ['Tiếp nhận hồ sơ tại Bộ phận Một cửa', 'Tiếp nhận hồ sơ trực tuyến'],
  processing: ['Chuyển phòng chuyên môn thụ lý', 'Đang thẩm định hồ sơ'],
  'supplement-required': ['Yêu cầu bổ sung bản sao giấy tờ tùy thân', 'Yêu cầu bổ sung ảnh chân dung'],
  completed: ['Đã có kết quả, trả kết quả tại Bộ phận Một cửa', 'Đã gửi kết quả qua bưu chính'],
  rejected: ['Từ chối: hồ sơ không đủ điều kiện theo quy định', 'Từ chối: thông tin không khớp Cơ sở dữ liệu quốc gia về dân cư'],
  returned: ['Trả lại hồ sơ: quá hạn bổ sung', 'Trả lại hồ sơ theo đề nghị của công dân'],
};

/** Status paths from reception to the final status, with weights for how often each ends a case. */
const PATHS: readonly { weight: number; path: readonly CaseStatus[] }[] = [
  { weight: 10, path: ['received'] },
  { weight: 15, path: ['received', 'processing'] },
  { weight: 10, path: ['received', 'processing', 'supplement-required'] },
  { weight: 38, path: ['received', 'processing', 'completed'] },
  { weight: 12, path: ['received', 'processing', 'supplement-required', 'processing', 'completed'] },
  { weight: 8, path: ['received', 'processing', 'rejected'] },
  { weight: 7, path: ['received', 'processing', 'supplement-required', 'returned'] },
];
const TOTAL_WEIGHT = PATHS.reduce((s, p) => s + p.weight, 0);

/** Receptions spread over 2025-01-01 … 2026-10-31; fixed, not "now", so a seed means one data set. */
const FIRST_RECEPTION = Date.UTC(2025, 0, 1, 1);
const RECEPTION_SPAN = Date.UTC(2026, 9, 31) - FIRST_RECEPTION;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function receiptCodeFor(index: number, receivedAt: Date): string {
  const d = receivedAt.toISOString();
  return `MC-${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${String(index).padStart(7, '0')}`;
}

export function caseIdFor(index: number): string {
  return `case-${String(index).padStart(7, '0')}`;
}

export function dueAtFor(receivedAt: Date, procedure: ProcedureInfo): string {
  // Same-day procedures are due at the end of the working day (17:00 Vietnam time = 10:00 UTC).
  if (procedure.processingDays === 0) {
    const due = new Date(receivedAt);
    due.setUTCHours(10, 0, 0, 0);
    // Received after closing: due at the end of the next day.
    if (due <= receivedAt) due.setUTCDate(due.getUTCDate() + 1);
    return due.toISOString();
  }
  return new Date(receivedAt.getTime() + procedure.processingDays * DAY).toISOString();
}

function pickPath(prng: Prng): readonly CaseStatus[] {
  let r = prng.next() * TOTAL_WEIGHT;
  for (const p of PATHS) {
    r -= p.weight;
    if (r < 0) return p.path;
  }
  return PATHS[0]!.path;
}

export function generateCase(prng: Prng, seed: string, index: number, procedures: readonly ProcedureInfo[]): CaseData {
  const procedure = prng.pick(procedures);
  const personalNumber = makePersonalNumber(prng);
  const fullName = citizenName(seed, personalNumber);
  let at = FIRST_RECEPTION + Math.floor(prng.next() * RECEPTION_SPAN);
  const receivedAt = new Date(at);
  // A plain loop, not .map(callback): this runs a million times.
  const timeline: TimelineEntry[] = [];
  for (const status of pickPath(prng)) {
    if (timeline.length > 0) at += prng.int(1, 72) * HOUR;
    timeline.push({ at: new Date(at).toISOString(), status, note: prng.pick(NOTES[status]) });
  }
  const last = timeline[timeline.length - 1]!;
  return {
    receiptCode: receiptCodeFor(index, receivedAt),
    procedureCode: procedure.code,
    applicant: { personalNumber, fullName },
    status: last.status,
    receivedAt: receivedAt.toISOString(),
    dueAt: dueAtFor(receivedAt, procedure),
    updatedAt: last.at,
    timeline,
    centreCode: centreOfCase(index),
  };
}
