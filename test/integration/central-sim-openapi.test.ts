/**
 * resources/central-api.yaml parses, describes exactly the simulator's routes, and its schemas
 * accept what the simulator really sends (validated with JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1).
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../electron/db/audit-repository';
import { openDatabase } from '../../electron/db/connection';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { AuditLog } from '../../electron/security/audit';
import { AuditShipper } from '../../electron/sync/audit-shipper';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { citizenProfile } from '../support/central-sim/citizens';
import { EVIDENCE_HEADER } from '../../electron/security/identity-evidence';

const deviceKey = generateKeyPairSync('ed25519');
/** Evidence signed as a device signs it, checked against the spec's IdentityEvidence schema first. */
function evidence(facts: Record<string, string>): Record<string, string> {
  const body = { ...facts, issuedAt: new Date().toISOString(), publicKey: deviceKey.publicKey.export({ type: 'spki', format: 'der' }).toString('base64url') };
  expect(schema('IdentityEvidence')(body), JSON.stringify(schema('IdentityEvidence').errors)).toBe(true);
  const bytes = Buffer.from(JSON.stringify(body));
  return { [EVIDENCE_HEADER]: bytes.toString('base64url'), 'x-identity-signature': sign(null, bytes, deviceKey.privateKey).toString('base64url') };
}
const generatedBirthDate = (pin: string): string => citizenProfile('openapi', pin)!.birthDate;

type Validator = ReturnType<Ajv2020['compile']>;

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
  security: unknown[];
};
const doc = yaml.load(readFileSync('resources/central-api.yaml', 'utf8')) as Doc;

let sim: CentralSim;
let ajv: Ajv2020;
const schema = (name: string): Validator => ajv.compile({ $ref: `central-api#/components/schemas/${name}` });
const auth = (): Record<string, string> => ({ authorization: `Bearer ${sim.token}` });

beforeAll(async () => {
  sim = await startCentralSim({ cases: 20, seed: 'openapi', token: 'oa', enrolmentCodes: ['OA-ENROL-1'] });
  ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'central-api', components: doc.components });
});
afterAll(async () => {
  await sim.close();
});

describe('resources/central-api.yaml', () => {
  it('is OpenAPI 3.1 with exactly the simulator routes and bearer security', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/audit', '/v1/cases/{receiptCode}', '/v1/changes', '/v1/citizens/{pin}', '/v1/devices', '/v1/dossiers', '/v1/health', '/v1/identity/challenges', '/v1/identity/challenges/{challengeId}', '/v1/identity/challenges/{challengeId}/confirm']);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/v1/health']!.get!.security).toEqual([]);
    expect(doc.paths['/v1/devices']!.post!.security).toEqual([]);
    expect(doc.paths['/v1/dossiers']!.post!.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(doc.paths['/v1/citizens/{pin}']!.get!.parameters).toContainEqual(expect.objectContaining({ name: 'X-Consent-Token', in: 'header' }));
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item)) {
        expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(['429', '503']));
      }
    }
  });

  it('has every $ref resolvable', () => {
    const text = readFileSync('resources/central-api.yaml', 'utf8');
    const refs = [...text.matchAll(/\$ref: '#\/([^']+)'/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const target = ref.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('accepts the simulator’s real change lines, checkpoint, case, receipt, profile, health and errors', async () => {
    const body = await (await fetch(`${sim.url}/v1/changes?after=0&limit=1000`, { headers: auth() })).text();
    const lines = body.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; data?: unknown });
    const change = schema('ChangeLine');
    const caseData = schema('CaseData');
    for (const line of lines.slice(0, -1)) {
      expect(change(line), JSON.stringify(change.errors)).toBe(true);
      if (line.type === 'case') expect(caseData(line.data), JSON.stringify(caseData.errors)).toBe(true);
    }
    expect(lines.some((l) => (l as { op?: string }).op === 'delete')).toBe(true);
    expect(schema('CheckpointLine')(lines[lines.length - 1])).toBe(true);

    const receipt = await fetch(`${sim.url}/v1/dossiers`, {
      method: 'POST',
      headers: { ...auth(), 'idempotency-key': 'oa-1', 'content-type': 'application/json' },
      body: JSON.stringify({ procedureCode: '1.001193', applicant: { personalNumber: '079305001234', fullName: 'Trần Thị Bích' }, fields: { childName: 'Trần Minh Khôi' } }),
    });
    expect(schema('DossierReceipt')(await receipt.json())).toBe(true);
    // The holder confirms on the phone the centre wrote to; the profile then comes on that evidence.
    const pin = '079305001234';
    const birthDate = ((await (await fetch(`${sim.url}/v1/citizens/${pin}?purpose=proactive-services`, { headers: { ...auth(), 'x-consent-token': 'c', ...evidence({ level: 'officer-attested', personalNumber: pin, birthDate: '1900-01-01', officer: 'oa' }) } })).json()) as { error: { code: string } }).error.code;
    expect(birthDate).toBe('identity-mismatch');
    expect(schema('Error')({ error: { code: birthDate, message: 'm' } })).toBe(true);
    const born = generatedBirthDate(pin);
    expect(schema('ChallengeRequest')({ pin, birthDate: born })).toBe(true);
    const opened = await fetch(`${sim.url}/v1/identity/challenges`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ pin, birthDate: born }) });
    expect(opened.status).toBe(201);
    const challenge = (await opened.json()) as { challengeId: string };
    expect(schema('IdentityChallenge')(challenge), JSON.stringify(schema('IdentityChallenge').errors)).toBe(true);
    const polled = await fetch(`${sim.url}/v1/identity/challenges/${challenge.challengeId}`, { headers: auth() });
    expect(schema('IdentityChallenge')(await polled.json())).toBe(true);
    const { messages } = (await (await fetch(`${sim.url}/_control/phone`, { headers: auth() })).json()) as { messages: { challengeId: string; code: string }[] };
    const code = messages.find((m) => m.challengeId === challenge.challengeId)!.code;
    expect(schema('ChallengeConfirm')({ code })).toBe(true);
    const confirmed = await fetch(`${sim.url}/v1/identity/challenges/${challenge.challengeId}/confirm`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(schema('IdentityChallenge')(await confirmed.json())).toBe(true);
    const facts = { level: 'holder-confirmed', personalNumber: pin, birthDate: born, challengeId: challenge.challengeId };
    const profile = await fetch(`${sim.url}/v1/citizens/${pin}?purpose=birth-registration`, { headers: { ...auth(), 'x-consent-token': 'c', ...evidence(facts) } });
    expect(profile.status).toBe(200);
    expect(schema('CitizenProfile')(await profile.json())).toBe(true);
    expect(schema('Health')(await (await fetch(`${sim.url}/v1/health`)).json())).toBe(true);
    const error = await fetch(`${sim.url}/v1/cases/none`, { headers: auth() });
    expect(schema('Error')(await error.json())).toBe(true);
  });

  it('accepts the simulator’s device registration, its refusal of a used code, and the body it asks for', async () => {
    const body = { publicKeyPem: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(), centreCode: 'HN-01', role: 'kiosk', enrolmentCode: 'OA-ENROL-1' };
    expect(schema('DeviceRegistration')(body)).toBe(true);
    const register = () => fetch(`${sim.url}/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const first = await register();
    expect(first.status).toBe(201);
    const issued = (await first.json()) as { token: string };
    expect(schema('DeviceToken')(issued), JSON.stringify(schema('DeviceToken').errors)).toBe(true);
    const again = await register();
    expect(again.status).toBe(403);
    expect(schema('Error')(await again.json())).toBe(true);
    const changes = await fetch(`${sim.url}/v1/changes?after=0&limit=1`, { headers: { authorization: `Bearer ${issued.token}` } });
    expect(changes.status).toBe(200);
  });

  it('accepts the audit batch the kiosk sends, the centre’s acknowledgement and its chain-break refusal', async () => {
    const { db } = openDatabase(':memory:', 'electron/db/migrations');
    const log = new AuditLog(new AuditRepository(db), new SettingsRepository(db));
    log.record({ session: 's', role: 'kiosk', channel: 'citizen.open', purpose: 'identification', legalBasis: 'Luật Căn cước 2023', subject: '001099012345', outcome: 'ok' });
    log.record({ session: 's', role: 'technician', channel: 'accounts.create', purpose: 'accounts', legalBasis: 'x', subject: null, outcome: 'ok', actor: 'tech', target: 'officer2' });
    const sent: unknown[] = [];
    const answers: { status: number; body: unknown }[] = [];
    const spy: typeof fetch = async (url, init) => {
      sent.push(JSON.parse(String(init?.body)));
      const res = await fetch(url, init);
      answers.push({ status: res.status, body: await res.clone().json() });
      return res;
    };
    await new AuditShipper(db).shipDue({ baseUrl: sim.url, token: sim.token, fetch: spy });
    const batch = schema('AuditBatch');
    expect(batch(sent[0]), JSON.stringify(batch.errors)).toBe(true);
    expect(answers[0]!.status).toBe(200);
    expect(schema('AuditAck')(answers[0]!.body)).toBe(true);
    db.close();

    // The same ids with other content: the centre holds another chain under them.
    const other = (sent[0] as { entries: Record<string, unknown>[] }).entries.map((e) => ({ ...e, outcome: 'changed' }));
    const refused = await fetch(`${sim.url}/v1/audit`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ entries: other }) });
    expect(refused.status).toBe(409);
    const breakBody = (await refused.json()) as { error: { code: string } };
    expect(schema('AuditChainBreak')(breakBody), JSON.stringify(schema('AuditChainBreak').errors)).toBe(true);
    expect(breakBody.error.code).toBe('audit-chain-break');
    const bad = await fetch(`${sim.url}/v1/audit`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ entries: [] }) });
    expect(bad.status).toBe(400);
    expect(schema('Error')(await bad.json())).toBe(true);
  });

  it('rejects what breaks the contract', () => {
    expect(schema('ChangeLine')({ seq: 1, type: 'option', op: 'delete', id: 'x', data: {} })).toBe(false);
    expect(schema('ChangeLine')({ seq: 1, type: 'option', op: 'upsert', id: 'x' })).toBe(false);
    expect(schema('CheckpointLine')({ type: 'checkpoint', seq: 1, more: false, hash: 'ABC', sig: '' })).toBe(false);
    expect(schema('AuditBatch')({ entries: [] })).toBe(false);
    expect(schema('AuditAck')({ through: 0, hash: 'a'.repeat(64) })).toBe(false);
  });
});
