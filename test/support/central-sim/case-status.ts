/**
 * What a kiosk may hold of a case: its status object (receipt code, procedure, status, dates,
 * centre), never the applicant or the timeline notes. The centre scopes the feed by the
 * registered device's role: a kiosk gets these, a counter (and the operator's token) whole cases.
 */
import type { CaseData } from './cases';

export type FeedScope = 'status' | 'whole';

export type CaseStatusData = Pick<CaseData, 'receiptCode' | 'procedureCode' | 'status' | 'receivedAt' | 'dueAt' | 'updatedAt' | 'centreCode'>;

export function caseStatusOf(d: CaseData): CaseStatusData {
  const { receiptCode, procedureCode, status, receivedAt, dueAt, updatedAt, centreCode } = d;
  return { receiptCode, procedureCode, status, receivedAt, dueAt, updatedAt, ...(centreCode !== undefined ? { centreCode } : {}) };
}

/** A stored feed line as the scope may see it: a case upsert reduced to its status object, any other line as it is. */
export function scopedLine(line: string, scope: FeedScope): string {
  if (scope === 'whole' || !line.includes('"type":"case","op":"upsert"')) return line;
  const change = JSON.parse(line) as { seq: number; type: 'case'; op: 'upsert'; id: string; data: CaseData };
  return JSON.stringify({ seq: change.seq, type: change.type, op: change.op, id: change.id, data: caseStatusOf(change.data) });
}
