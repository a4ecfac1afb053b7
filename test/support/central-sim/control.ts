/**
 * Test-only control routes under /_control (token required, never under /v1): switch faults, and
 * make the centre change things — a case moves on, a catalogue entry is added or deleted — so a
 * client's incremental sync has something to pick up.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { CASE_STATUSES, type CaseData, type CaseStatus } from './cases';
import { faultsSchema, type FaultState } from './faults';
import { HttpError, readJsonBody, sendJson } from './http-util';
import type { IdentityDesk } from './identity';
import type { CentralStore } from './store';

/** Which status may follow which: the same paths the generator uses. */
export const NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['processing'],
  processing: ['supplement-required', 'completed', 'rejected'],
  'supplement-required': ['processing', 'returned'],
  completed: [],
  rejected: [],
  returned: [],
};

const statusSchema = z.strictObject({ status: z.enum(CASE_STATUSES), note: z.string().max(500).default('') });
const changeSchema = z.strictObject({
  type: z.enum(['procedure', 'option', 'rulepack', 'form']),
  op: z.enum(['upsert', 'delete']),
  id: z.string().min(1).max(200),
  data: z.record(z.string(), z.unknown()).optional(),
});

const approveSchema = z.strictObject({ challengeId: z.string().min(1).max(64) });

export async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, store: CentralStore, faults: FaultState, now: () => Date, identity: IdentityDesk): Promise<void> {
  const method = req.method ?? 'GET';
  // The citizens' registered phones: what the centre sent them, and an approval in the e-ID app.
  if (path === '/_control/phone' && method === 'GET') return sendJson(res, 200, { messages: identity.phoneMessages() });
  if (path === '/_control/phone/approve' && method === 'POST') {
    const parsed = approveSchema.safeParse(await readJsonBody(req));
    if (!parsed.success) throw new HttpError(400, 'bad-approval', parsed.error.message);
    return sendJson(res, 200, identity.approve(parsed.data.challengeId));
  }
  if (path === '/_control/faults') {
    if (method === 'GET') return sendJson(res, 200, faults.get());
    if (method === 'DELETE') return sendJson(res, 200, faults.set({}));
    if (method !== 'POST') throw new HttpError(405, 'method-not-allowed', `${method} is not allowed here.`);
    const parsed = faultsSchema.safeParse(await readJsonBody(req));
    if (!parsed.success) throw new HttpError(400, 'bad-faults', parsed.error.message);
    return sendJson(res, 200, faults.set(parsed.data));
  }
  if (path === '/_control/changes' && method === 'POST') {
    const parsed = changeSchema.safeParse(await readJsonBody(req));
    if (!parsed.success) throw new HttpError(400, 'bad-change', parsed.error.message);
    const { type, op, id, data } = parsed.data;
    if ((op === 'upsert') !== (data !== undefined)) throw new HttpError(400, 'bad-change', 'An upsert has data, a delete has none.');
    return sendJson(res, 201, { seq: store.append({ type, op, id, data }) });
  }
  const statusMatch = /^\/_control\/cases\/([^/]+)\/status$/.exec(path);
  if (statusMatch && method === 'POST') {
    const receiptCode = decodeURIComponent(statusMatch[1] ?? '');
    const parsed = statusSchema.safeParse(await readJsonBody(req));
    if (!parsed.success) throw new HttpError(400, 'bad-status', parsed.error.message);
    const found = store.caseOf(receiptCode);
    if (!found) throw new HttpError(404, 'case-not-found', 'No case with this receipt code.');
    const { status, note } = parsed.data;
    if (!NEXT_STATUSES[found.data.status].includes(status)) throw new HttpError(409, 'bad-transition', `${found.data.status} cannot become ${status}.`);
    const at = now().toISOString();
    const data: CaseData = { ...found.data, status, updatedAt: at, timeline: [...found.data.timeline, { at, status, note }] };
    const seq = store.append({ type: 'case', op: 'upsert', id: found.id, data }, receiptCode);
    return sendJson(res, 200, { seq, data });
  }
  throw new HttpError(404, 'not-found', `No route ${method} ${path}.`);
}
