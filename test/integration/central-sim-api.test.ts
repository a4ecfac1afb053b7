/**
 * The request/response side of the central simulator: auth, health, idempotent dossiers that
 * become cases in the feed, case lookup, purpose-limited citizen profiles, and the determinism
 * of the generated data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { attestedEvidence } from '../support/identity-evidence';

let sim: CentralSim;

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; token?: string | null } = {}): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? sim.token : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

async function allChanges(target: CentralSim): Promise<{ seq: number; type: string; op: string; id: string; data?: Record<string, unknown> }[]> {
  const res = await fetch(`${target.url}/v1/changes?after=0&limit=10000`, { headers: { authorization: `Bearer ${target.token}` } });
  const lines = (await res.text()).trimEnd().split('\n');
  return lines.slice(0, -1).map((l) => JSON.parse(l) as { seq: number; type: string; op: string; id: string; data?: Record<string, unknown> });
}

const DOSSIER = {
  procedureCode: 'CC.CAP-DOI',
  applicant: { personalNumber: '001090123456', fullName: 'Nguyễn Văn An' },
  fields: { reason: 'Thẻ hết hạn', copies: 1, urgent: false },
};
const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

beforeAll(async () => {
  sim = await startCentralSim({ cases: 30, seed: 'api-test', token: 'api-token', now: () => new Date('2026-11-23T02:30:00.000Z') });
});
afterAll(async () => {
  await sim.close();
});

describe('auth and health', () => {
  it('answers /v1/health without a token', async () => {
    const r = await call('/v1/health', { token: null });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok', seq: sim.store.lastSeq() });
  });

  it.each([null, 'wrong-token'])('refuses token %s with 401 JSON on every authenticated route', async (token) => {
    for (const [method, path] of [['GET', '/v1/changes?after=0'], ['POST', '/v1/dossiers'], ['GET', '/v1/cases/X'], ['GET', '/v1/citizens/001090123456?purpose=id-card-renewal']] as const) {
      const r = await call(path, { method, token, body: method === 'POST' ? DOSSIER : undefined, headers: { 'idempotency-key': 'k', 'x-consent-token': 'c' } });
      expect(r.status).toBe(401);
      expect(r.json).toEqual(errorShape);
    }
  });

  it('answers an unknown route with a JSON 404', async () => {
    const r = await call('/v1/nothing');
    expect(r.status).toBe(404);
    expect(r.json).toEqual(errorShape);
  });
});

describe('POST /v1/dossiers', () => {
  it('creates one case per Idempotency-Key, replays the same answer, refuses a different body with 409', async () => {
    const before = sim.store.lastSeq();
    const first = await call('/v1/dossiers', { method: 'POST', body: DOSSIER, headers: { 'idempotency-key': 'key-1' } });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ caseId: 'case-0000031', receiptCode: 'MC-261123-0000031', status: 'received' });

    // The same body with its keys in another order is the same dossier.
    const reordered = { fields: { urgent: false, copies: 1, reason: 'Thẻ hết hạn' }, applicant: DOSSIER.applicant, procedureCode: DOSSIER.procedureCode };
    const again = await call('/v1/dossiers', { method: 'POST', body: reordered, headers: { 'idempotency-key': 'key-1' } });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);

    const conflict = await call('/v1/dossiers', { method: 'POST', body: { ...DOSSIER, fields: { reason: 'Mất thẻ' } }, headers: { 'idempotency-key': 'key-1' } });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toEqual(errorShape);
    expect(sim.store.lastSeq()).toBe(before + 1);

    const { receiptCode } = first.json as { receiptCode: string };
    const inFeed = (await allChanges(sim)).filter((c) => c.type === 'case' && c.data?.receiptCode === receiptCode);
    expect(inFeed).toHaveLength(1);
    expect(inFeed[0]).toMatchObject({ seq: before + 1, op: 'upsert', id: 'case-0000031' });
    expect(inFeed[0]!.data).toMatchObject({ procedureCode: 'CC.CAP-DOI', status: 'received', receivedAt: '2026-11-23T02:30:00.000Z', dueAt: '2026-11-30T02:30:00.000Z', applicant: DOSSIER.applicant });

    const lookup = await call(`/v1/cases/${receiptCode}`);
    expect(lookup.status).toBe(200);
    expect(lookup.json).toEqual(inFeed[0]!.data);
  });

  it('refuses bad bodies and a missing key with a JSON 400', async () => {
    const bad: [unknown, Record<string, string>][] = [
      [DOSSIER, {}],
      ['{not json', { 'idempotency-key': 'b1' }],
      [{ ...DOSSIER, procedureCode: 'NO.SUCH' }, { 'idempotency-key': 'b2' }],
      [{ ...DOSSIER, applicant: { personalNumber: '99909012345', fullName: 'A' } }, { 'idempotency-key': 'b3' }],
      [{ ...DOSSIER, applicant: { personalNumber: '001090123456', fullName: '' } }, { 'idempotency-key': 'b4' }],
      [{ ...DOSSIER, fields: { nested: { no: 1 } } }, { 'idempotency-key': 'b5' }],
      [{ ...DOSSIER, extra: true }, { 'idempotency-key': 'b6' }],
    ];
    const before = sim.store.lastSeq();
    for (const [body, headers] of bad) {
      const r = await call('/v1/dossiers', { method: 'POST', body, headers });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json).toEqual(errorShape);
    }
    expect(sim.store.lastSeq()).toBe(before);
  });

  it('makes exactly one case when the same key arrives concurrently', async () => {
    const before = sim.store.lastSeq();
    const replies = await Promise.all(Array.from({ length: 5 }, () => call('/v1/dossiers', { method: 'POST', body: DOSSIER, headers: { 'idempotency-key': 'race' } })));
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(sim.store.lastSeq()).toBe(before + 1);
  });
});

describe('GET /v1/cases/{receiptCode}', () => {
  it('returns a generated case as the feed carries it, 404 for an unknown code', async () => {
    const firstCase = (await allChanges(sim)).find((c) => c.type === 'case')!;
    const r = await call(`/v1/cases/${String(firstCase.data!.receiptCode)}`);
    expect(r.json).toEqual(firstCase.data);
    const missing = await call('/v1/cases/MC-000000-9999999');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(errorShape);
  });
});

describe('GET /v1/citizens/{pin}', () => {
  const consent = { 'x-consent-token': 'consent-abc' };
  /** The consent and an officer's check of the card, at the simulator's fixed clock. */
  const released = (pin: string) => ({ ...consent, ...attestedEvidence('api-test', pin, new Date('2026-11-23T02:30:00.000Z')) });

  it('returns only the fields the purpose allows', async () => {
    const renewal = await call('/v1/citizens/001090123456?purpose=id-card-renewal', { headers: released('001090123456') });
    expect(renewal.status).toBe(200);
    expect(Object.keys(renewal.json as object).sort()).toEqual(['birthDate', 'cardIssueDate', 'fullName', 'sex']);
    expect(renewal.json).toMatchObject({ sex: 'male', birthDate: expect.stringMatching(/^1990-\d\d-\d\d$/) });
    const birth = await call('/v1/citizens/001090123456?purpose=birth-registration', { headers: released('001090123456') });
    expect(Object.keys(birth.json as object).sort()).toEqual(['address', 'fullName', 'maritalStatus']);
    expect((birth.json as { fullName: string }).fullName).toBe((renewal.json as { fullName: string }).fullName);
  });

  it('gives a case applicant the same name as their profile', async () => {
    const c = (await allChanges(sim)).find((x) => x.type === 'case')!;
    const applicant = c.data!.applicant as { personalNumber: string; fullName: string };
    const r = await call(`/v1/citizens/${applicant.personalNumber}?purpose=id-card-renewal`, { headers: released(applicant.personalNumber) });
    expect((r.json as { fullName: string }).fullName).toBe(applicant.fullName);
  });

  it('refuses an unknown purpose or a missing consent token with 403, an invalid number with 404', async () => {
    for (const [path, headers] of [
      ['/v1/citizens/001090123456?purpose=marketing', released('001090123456')],
      ['/v1/citizens/001090123456', released('001090123456')],
      ['/v1/citizens/001090123456?purpose=id-card-renewal', {}],
    ] as const) {
      const r = await call(path, { headers });
      expect(r.status).toBe(403);
      expect(r.json).toEqual(errorShape);
    }
    expect((await call('/v1/citizens/12345?purpose=id-card-renewal', { headers: consent })).status).toBe(404);
  });
});

describe('control API: the centre changes things', () => {
  it('moves a case along its allowed path, as a new upsert in the feed', async () => {
    const created = await call('/v1/dossiers', { method: 'POST', body: DOSSIER, headers: { 'idempotency-key': 'control-1' } });
    const { receiptCode, caseId } = created.json as { receiptCode: string; caseId: string };
    expect((await call(`/_control/cases/${receiptCode}/status`, { method: 'POST', body: { status: 'processing' }, token: 'wrong' })).status).toBe(401);
    const bad = await call(`/_control/cases/${receiptCode}/status`, { method: 'POST', body: { status: 'completed' } });
    expect(bad.status).toBe(409);
    const moved = await call(`/_control/cases/${receiptCode}/status`, { method: 'POST', body: { status: 'processing', note: 'Chuyển thụ lý' } });
    expect(moved.status).toBe(200);
    const { seq } = moved.json as { seq: number };
    const line = (await allChanges(sim)).find((c) => c.seq === seq)!;
    expect(line).toMatchObject({ type: 'case', op: 'upsert', id: caseId, data: { status: 'processing', updatedAt: '2026-11-23T02:30:00.000Z' } });
    expect((line.data!.timeline as unknown[]).length).toBe(2);
    expect((await call(`/v1/cases/${receiptCode}`)).json).toEqual(line.data);
    const next = await call('/v1/dossiers', { method: 'POST', body: { ...DOSSIER, fields: {} }, headers: { 'idempotency-key': 'control-2' } });
    expect(Number((next.json as { caseId: string }).caseId.slice(5))).toBe(Number(caseId.slice(5)) + 1);
  });

  it('appends catalogue upserts and deletes', async () => {
    const del = await call('/_control/changes', { method: 'POST', body: { type: 'procedure', op: 'delete', id: '1.001193' } });
    expect(del.status).toBe(201);
    const { seq } = del.json as { seq: number };
    expect((await allChanges(sim)).find((c) => c.seq === seq)).toEqual({ seq, type: 'procedure', op: 'delete', id: '1.001193' });
    expect((await call('/_control/changes', { method: 'POST', body: { type: 'option', op: 'upsert', id: 'x' } })).status).toBe(400);
    expect((await call('/_control/changes', { method: 'POST', body: { type: 'case', op: 'delete', id: 'x' } })).status).toBe(400);
  });
});

describe('generator', () => {
  it('is deterministic: the same seed gives the same first 100 cases, another seed other ones', async () => {
    const [a, b, c] = await Promise.all([
      startCentralSim({ cases: 150, seed: 'determinism' }),
      startCentralSim({ cases: 150, seed: 'determinism' }),
      startCentralSim({ cases: 150, seed: 'other' }),
    ]);
    try {
      const first100 = async (s: CentralSim): Promise<unknown[]> => (await allChanges(s)).filter((x) => x.type === 'case').slice(0, 100);
      const [ca, cb, cc] = await Promise.all([first100(a), first100(b), first100(c)]);
      expect(ca).toHaveLength(100);
      expect(cb).toEqual(ca);
      expect(cc).not.toEqual(ca);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
