/**
 * The change feed of the reference central simulator, checked by a verifier written here from the
 * contract alone (DESIGN.md "Central system API"): exact-bytes SHA-256, Ed25519 over the hex
 * string, strictly increasing seq, `more` paging, empty-batch checkpoint.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePersonalNumber } from '../../drivers/idcard/personal-number';
import procedures from '../../resources/demo/procedures.json';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { NEIGHBOUR_CENTRE, SIM_CENTRE } from '../support/central-sim/cases';

interface Change { seq: number; type: string; op: string; id: string; data?: Record<string, unknown> }
interface Checkpoint { type: 'checkpoint'; seq: number; more: boolean; hash: string; sig: string }

function getRaw(url: string, token: string): Promise<{ status: number; contentType: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** The independent verifier: splits off the last line, hashes the exact bytes before it, checks the signature. */
function verifyBatch(body: Buffer, publicKeyPem: string): { changes: Change[]; checkpoint: Checkpoint } {
  expect(body[body.length - 1]).toBe(0x0a);
  const start = body.lastIndexOf(0x0a, body.length - 2) + 1;
  const preceding = body.subarray(0, start);
  const checkpoint = JSON.parse(body.subarray(start, body.length - 1).toString('utf8')) as Checkpoint;
  expect(checkpoint.type).toBe('checkpoint');
  expect(checkpoint.hash).toBe(createHash('sha256').update(preceding).digest('hex'));
  const ok = verify(null, Buffer.from(checkpoint.hash, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(checkpoint.sig, 'base64'));
  expect(ok).toBe(true);
  const text = preceding.toString('utf8');
  const changes = text === '' ? [] : text.slice(0, -1).split('\n').map((l) => JSON.parse(l) as Change);
  for (let i = 1; i < changes.length; i++) expect(changes[i]!.seq).toBeGreaterThan(changes[i - 1]!.seq);
  if (changes.length > 0) expect(checkpoint.seq).toBe(changes[changes.length - 1]!.seq);
  return { changes, checkpoint };
}

const STATUSES = ['received', 'processing', 'supplement-required', 'completed', 'rejected', 'returned'];

function expectConsistentCase(data: Record<string, unknown>): void {
  const c = data as { receiptCode: string; procedureCode: string; applicant: { personalNumber: string; fullName: string }; status: string; receivedAt: string; dueAt: string; updatedAt: string; timeline: { at: string; status: string; note: string }[]; centreCode: string };
  expect(Object.keys(c).sort()).toEqual(['applicant', 'centreCode', 'dueAt', 'procedureCode', 'receiptCode', 'receivedAt', 'status', 'timeline', 'updatedAt']);
  expect([SIM_CENTRE, NEIGHBOUR_CENTRE]).toContain(c.centreCode);
  expect(parsePersonalNumber(c.applicant.personalNumber).ok).toBe(true);
  expect(c.applicant.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
  expect(STATUSES).toContain(c.status);
  expect(c.timeline[0]).toMatchObject({ at: c.receivedAt, status: 'received' });
  expect(c.timeline[c.timeline.length - 1]).toMatchObject({ at: c.updatedAt, status: c.status });
  for (let i = 1; i < c.timeline.length; i++) expect(Date.parse(c.timeline[i]!.at)).toBeGreaterThanOrEqual(Date.parse(c.timeline[i - 1]!.at));
  for (const t of [c.receivedAt, c.dueAt, c.updatedAt]) expect(new Date(t).toISOString()).toBe(t);
  expect(Date.parse(c.dueAt)).toBeGreaterThanOrEqual(Date.parse(c.receivedAt));
}

let sim: CentralSim;
const changesUrl = (after: number, limit: number): string => `${sim.url}/v1/changes?after=${after}&limit=${limit}`;

beforeAll(async () => {
  sim = await startCentralSim({ cases: 250, seed: 'feed-test', token: 'feed-token' });
});
afterAll(async () => {
  await sim.close();
});

describe('GET /v1/changes', () => {
  it('serves a signed ndjson batch whose checkpoint hashes the exact bytes before it', async () => {
    const reply = await getRaw(changesUrl(0, 10), sim.token);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('application/x-ndjson');
    const { changes, checkpoint } = verifyBatch(reply.body, sim.publicKeyPem);
    expect(changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(checkpoint).toMatchObject({ seq: 10, more: true });
    // The feed opens with the demo catalogue's procedures, in its order.
    expect(changes.filter((c) => c.type === 'procedure').map((c) => c.id)).toEqual(procedures.map((p) => p.code).slice(0, 10));
  });

  it('pages through all data with `more`, every batch verified, seq strictly increasing across batches', async () => {
    const all: Change[] = [];
    let after = 0;
    let batches = 0;
    for (;;) {
      const { changes, checkpoint } = verifyBatch((await getRaw(changesUrl(after, 100), sim.token)).body, sim.publicKeyPem);
      batches += 1;
      all.push(...changes);
      after = checkpoint.seq;
      if (!checkpoint.more) break;
    }
    expect(batches).toBe(3);
    expect(all.map((c) => c.seq)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    const cases = all.filter((c) => c.type === 'case');
    expect(cases).toHaveLength(250);
    expect(new Set(cases.map((c) => c.id)).size).toBe(250);
    for (const c of cases) expectConsistentCase(c.data!);
    const deletes = all.filter((c) => c.op === 'delete');
    expect(deletes).toEqual([{ seq: all.length, type: 'option', op: 'delete', id: 'kiosk.banner' }]);
    expect(new Set(all.map((c) => c.type))).toEqual(new Set(['case', 'procedure', 'option', 'rulepack', 'form']));
  });

  it('answers an empty batch with a signed checkpoint at `after`', async () => {
    const last = sim.store.lastSeq();
    const { changes, checkpoint } = verifyBatch((await getRaw(changesUrl(last, 50), sim.token)).body, sim.publicKeyPem);
    expect(changes).toEqual([]);
    expect(checkpoint).toMatchObject({ seq: last, more: false, hash: createHash('sha256').update('').digest('hex') });
    const beyond = verifyBatch((await getRaw(changesUrl(last + 1000, 50), sim.token)).body, sim.publicKeyPem);
    expect(beyond.checkpoint.seq).toBe(last + 1000);
  });

  it('refuses a bad `after` or `limit` with a JSON 400', async () => {
    for (const q of ['after=-1&limit=5', 'after=x', 'limit=0', 'limit=abc']) {
      const reply = await getRaw(`${sim.url}/v1/changes?${q}`, sim.token);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body.toString('utf8'))).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });

  it('streams 10,000 lines in one batch and clamps larger limits to 10,000', async () => {
    const big = await startCentralSim({ cases: 12_000, seed: 'big', token: 't' });
    try {
      const { changes, checkpoint } = verifyBatch((await getRaw(`${big.url}/v1/changes?after=0&limit=50000`, 't')).body, big.publicKeyPem);
      expect(changes).toHaveLength(10_000);
      expect(checkpoint).toMatchObject({ seq: 10_000, more: true });
    } finally {
      await big.close();
    }
  });
});
