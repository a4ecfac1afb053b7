/**
 * What a machine holds follows its role: the centre sends a registered kiosk case status objects
 * only, a kiosk database keeps only those even when a centre sends whole cases, and turning a
 * counter into a kiosk purges the names it held. Each is checked on the bytes of the real SQLite
 * file, its WAL and shared-memory file, after a sync from the real simulator.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRepository } from '../../electron/db/case-repository';
import { CaseSearch } from '../../electron/db/case-search';
import { openDatabase, type Db } from '../../electron/db/connection';
import { setMachineRole, storedRole } from '../../electron/db/machine-role';
import { newSession } from '../../electron/host/session';
import { pullOnce } from '../../electron/sync/central-client';
import type { CaseData } from '../support/central-sim/cases';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { clearTextIn } from '../support/clear-text';
import { hostCall, startHostWithCentral } from '../support/host-with-central';
import { makeTempDir } from '../support/temp-dir';

const CASES = 300;
const MIGRATIONS = join(process.cwd(), 'electron', 'db', 'migrations');
const tmp = makeTempDir('motcua-kiosk-feed-');
let sim: CentralSim;
let kioskToken: string;
let counterToken: string;
/** Every applicant's name and number the centre holds. */
let personal: string[];

async function register(role: 'kiosk' | 'counter', enrolmentCode: string): Promise<string> {
  const publicKeyPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const res = await fetch(`${sim.url}/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ publicKeyPem, centreCode: 'DEMO-TTHCC-01', role, enrolmentCode }),
  });
  return ((await res.json()) as { token: string }).token;
}

const feedLines = async (token: string): Promise<{ type: string; data?: Record<string, unknown> }[]> => {
  const body = await (await fetch(`${sim.url}/v1/changes?after=0&limit=10000`, { headers: { authorization: `Bearer ${token}` } })).text();
  return body.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; data?: Record<string, unknown> });
};

/** A fresh database with a role, synced to the end with `token`, its name index built. */
/**
 * The names and numbers among `needles` that any table holds, read through SQL (so past the file's
 * encryption, with the WAL's pages): every table, the search index's shadow tables included.
 */
function heldInTables(db: Db, needles: string[]): string[] {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  const text = tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
  return needles.filter((needle) => text.includes(needle));
}

async function synced(name: string, role: 'kiosk' | 'counter', token: string): Promise<{ db: Db; path: string }> {
  const path = join(tmp.dir, `${name}.db`);
  const { db } = openDatabase(path, MIGRATIONS);
  setMachineRole(db, role);
  const result = await pullOnce({ db, baseUrl: sim.url, token, publicKeyPem: sim.publicKeyPem, limit: 100 });
  expect(result).toMatchObject({ ok: true, cursor: sim.store.lastSeq() });
  CaseSearch.of(db).catchUp();
  return { db, path };
}

beforeAll(async () => {
  sim = await startCentralSim({ cases: CASES, seed: 'kiosk-feed', enrolmentCodes: ['KIOSK-1', 'COUNTER-1'] });
  kioskToken = await register('kiosk', 'KIOSK-1');
  counterToken = await register('counter', 'COUNTER-1');
  const cases = sim.store.page(0, 100_000).flatMap(({ line }) => {
    const c = JSON.parse(line) as { type: string; data: CaseData };
    return c.type === 'case' ? [c.data] : [];
  });
  expect(cases).toHaveLength(CASES);
  personal = cases.flatMap((c) => [c.applicant.fullName, c.applicant.personalNumber]);
});
afterAll(async () => {
  await sim.close();
  tmp.cleanup();
});

describe('the feed follows the machine’s role', { timeout: 60_000 }, () => {
  it('the centre sends a registered kiosk each case as its status object, as the API describes it, and a counter the whole case', async () => {
    const doc = yaml.load(readFileSync('resources/central-api.yaml', 'utf8')) as { components: Record<string, unknown> };
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'api', components: doc.components });
    const statusData = ajv.compile({ $ref: 'api#/components/schemas/CaseStatusData' });
    const kiosk = (await feedLines(kioskToken)).filter((l) => l.type === 'case');
    expect(kiosk).toHaveLength(CASES);
    for (const line of kiosk) expect(statusData(line.data), JSON.stringify(statusData.errors)).toBe(true);
    expect(Object.keys(kiosk[0]!.data!).sort()).toEqual(['centreCode', 'dueAt', 'procedureCode', 'receiptCode', 'receivedAt', 'status', 'updatedAt']);
    const counter = (await feedLines(counterToken)).filter((l) => l.type === 'case');
    expect(counter.every((l) => typeof l.data?.applicant === 'object' && Array.isArray(l.data.timeline))).toBe(true);
    // And a case looked up by its receipt code: the kiosk gets its status object too.
    const code = kiosk[0]!.data!.receiptCode as string;
    const lookup = async (token: string) => (await fetch(`${sim.url}/v1/cases/${code}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<Record<string, unknown>>;
    const seen = await lookup(kioskToken);
    expect(statusData(seen), JSON.stringify(statusData.errors)).toBe(true);
    expect(await lookup(counterToken)).toMatchObject({ receiptCode: code, applicant: { fullName: expect.any(String) } });
  });

  it('a kiosk database after a full sync holds no applicant’s name or number in its tables, index or WAL', async () => {
    const { db, path } = await synced('kiosk', 'kiosk', kioskToken);
    expect(new CaseRepository(db).count()).toBe(CASES);
    expect(heldInTables(db, personal)).toEqual([]);
    expect(clearTextIn(path, personal)).toEqual([]);
    db.close();
    expect(clearTextIn(path, personal)).toEqual([]);
  });

  it('a kiosk keeps status objects only even when a centre sends it whole cases; a counter keeps the names (the check can fail)', async () => {
    const kiosk = await synced('kiosk-whole', 'kiosk', sim.token);
    const sample = new CaseRepository(kiosk.db).all()[0]!;
    expect(sample).toMatchObject({ applicant: { personalNumber: '', fullName: '' }, timeline: [], status: expect.any(String), dueAt: expect.any(String) });
    expect(heldInTables(kiosk.db, personal)).toEqual([]);
    expect(clearTextIn(kiosk.path, personal)).toEqual([]);
    kiosk.db.close();

    const counter = await synced('counter', 'counter', counterToken);
    expect(heldInTables(counter.db, personal.slice(0, 20)).length).toBeGreaterThan(0);
    expect(CaseSearch.of(counter.db).search(sample.receiptCode, { now: new Date('2026-12-01T00:00:00Z') })[0]?.applicantName).toMatch(/\S/);
    counter.db.close();
  });

  it('turning a counter into a kiosk erases the names and numbers it held, the index and WAL too, in one step; back to counter pulls whole cases again', async () => {
    const { db, path } = await synced('counter-to-kiosk', 'counter', counterToken);
    expect(heldInTables(db, personal).length).toBeGreaterThan(0);
    expect(setMachineRole(db, 'kiosk')).toEqual({ from: 'counter', to: 'kiosk', stripped: CASES, rewound: false });
    expect(heldInTables(db, personal)).toEqual([]);
    expect(clearTextIn(path, personal)).toEqual([]);
    expect(CaseSearch.of(db).search(personal[0]!.split(' ')[0]!, { now: new Date('2026-12-01T00:00:00Z') })).toEqual([]);

    expect(setMachineRole(db, 'counter')).toEqual({ from: 'kiosk', to: 'counter', stripped: 0, rewound: true });
    expect(storedRole(db)).toBe('counter');
    const again = await pullOnce({ db, baseUrl: sim.url, token: counterToken, publicKeyPem: sim.publicKeyPem });
    expect(again).toMatchObject({ ok: true, applied: sim.store.lastSeq() });
    expect(new CaseRepository(db).all().every((c) => /^\d{12}$/.test(c.applicant.personalNumber))).toBe(true);
    db.close();
  });

  it('a kiosk host answers the status lookup (status, next step, due date) from status objects alone', async () => {
    const running = await startHostWithCentral('kiosk-lookup');
    try {
      const { db } = running.host;
      setMachineRole(db, 'kiosk');
      expect(await pullOnce({ db, baseUrl: running.sim.url, token: running.sim.token, publicKeyPem: running.sim.publicKeyPem })).toMatchObject({ ok: true });
      const held = new CaseRepository(db).all();
      expect(held.length).toBeGreaterThan(0);
      const whole = running.sim.store.caseByReceipt(held[0]!.receiptCode)!;
      const status = await hostCall(() => running.host)<Record<string, unknown>>(newSession('kiosk'), 'cases.status', { receiptCode: whole.receiptCode });
      expect(status).toMatchObject({ receiptCode: whole.receiptCode, status: whole.status, dueAt: whole.dueAt, receivedAt: whole.receivedAt, nextStep: { vi: expect.any(String), en: expect.any(String) } });
      expect(JSON.stringify(status)).not.toContain(whole.applicant.fullName);
      expect(clearTextIn(join(running.dir, 'motcua.db'), [whole.applicant.fullName, whole.applicant.personalNumber])).toEqual([]);
    } finally {
      await running.close();
    }
  });
});
