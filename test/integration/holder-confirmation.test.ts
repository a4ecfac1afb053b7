/**
 * Holder confirmation's edges: a code that runs out is a calm status with a new code a touch away
 * (never an error), the centre refuses a birth date that is not the person's even at a level that
 * releases, evidence that is not this device's or not from now is refused, and the kiosk itself
 * drops a profile of another number or birth date.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { EVIDENCE_HEADER, EVIDENCE_SIGNATURE_HEADER } from '../../electron/security/identity-evidence';
import { fetchCentralProfile } from '../../electron/sync/central-profile';
import { CHALLENGE_TTL_MS } from '../support/central-sim/identity';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { DEMO_MOTHER as MOTHER, hostCall } from '../support/host-with-central';
import { makeTempDir } from '../support/temp-dir';

let sim: CentralSim;
let host: Host;
let tmp: { dir: string; cleanup: () => void };
/** The centre's clock, moved by the tests. */
let centreNow = Date.UTC(2026, 11, 7, 3, 0, 0);
const call = hostCall(() => host);
const TYPED = { personalNumber: MOTHER.personalNumber, birthDate: MOTHER.birthDate, source: 'typed' as const };

beforeEach(async () => {
  tmp = makeTempDir('motcua-holder-');
  sim = await startCentralSim({ cases: 1, seed: 'holder', now: () => new Date(centreNow) });
  host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'motcua.db'), demo: true, transport: 'browser', version: 'test', devices: false, sync: false, retention: false, central: { url: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem } });
});
afterEach(async () => {
  await host.close();
  await sim.close();
  tmp.cleanup();
});

const lastCode = async () =>
  ((await (await fetch(`${sim.url}/_control/phone`, { headers: { authorization: `Bearer ${sim.token}` } })).json()) as { messages: { code: string }[] }).messages.at(-1)!.code;

describe('holder confirmation', () => {
  it('a code not answered in time: the status says expired, the right code no longer works, a new code does', async () => {
    // The kiosk's evidence carries its own clock: the centre's stays beside it in this test.
    centreNow = Date.now();
    const session = newSession('kiosk');
    await call(session, 'citizen.open', TYPED);
    await call(session, 'identity.challenge', {});
    const code = await lastCode();
    centreNow += CHALLENGE_TTL_MS + 1_000;
    expect(await call(session, 'identity.confirm', {})).toEqual({ status: 'expired', assurance: 'typed' });
    await expect(call(session, 'identity.confirm', { code })).rejects.toMatchObject({ data: { code: 'CHALLENGE_NONE' } });
    centreNow = Date.now();
    await call(session, 'identity.challenge', {});
    expect(await call(session, 'identity.confirm', { code: await lastCode() })).toEqual({ status: 'confirmed', assurance: 'holder-confirmed' });
    expect(await call(session, 'consent.decide', { purpose: 'proactive-services', accept: true })).toMatchObject({ profile: 'loaded' });
  });

  it('three wrong codes cancel the challenge: refused, calmly', async () => {
    centreNow = Date.now();
    const session = newSession('kiosk');
    await call(session, 'citizen.open', TYPED);
    await call(session, 'identity.challenge', {});
    const wrong = (await lastCode()) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 3; i++) await expect(call(session, 'identity.confirm', { code: wrong })).rejects.toMatchObject({ data: { code: 'CHALLENGE_WRONG_CODE' } });
    expect(await call(session, 'identity.confirm', { code: wrong })).toEqual({ status: 'refused', assurance: 'typed' });
  });

  it('an officer\'s word with a birth date that is not the person\'s: the centre answers identity-mismatch, nothing is loaded', async () => {
    centreNow = Date.now();
    const officer = newSession('kiosk');
    await call(officer, 'auth.login', { username: 'canbo', password: 'motcua-demo' });
    await call(officer, 'citizen.open', { ...TYPED, birthDate: '1999-05-17' });
    await call(officer, 'identity.attest', { checkedOriginal: true });
    expect(await call(officer, 'consent.decide', { purpose: 'proactive-services', accept: true })).toMatchObject({ profile: 'mismatch' });
    expect(await call(officer, 'proactive.reminders', {})).toMatchObject({ usedCentral: false });
  });
});

describe('the centre checks the evidence itself', () => {
  const key = generateKeyPairSync('ed25519');
  const headers = (facts: Record<string, unknown>, signer = key.privateKey) => {
    const body = Buffer.from(JSON.stringify({ personalNumber: MOTHER.personalNumber, birthDate: MOTHER.birthDate, publicKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64url'), ...facts }));
    return { authorization: `Bearer ${sim.token}`, 'x-consent-token': 'c', [EVIDENCE_HEADER]: body.toString('base64url'), [EVIDENCE_SIGNATURE_HEADER]: sign(null, body, signer).toString('base64url') };
  };
  const ask = async (h: Record<string, string>, pin = MOTHER.personalNumber) => {
    const res = await fetch(`${sim.url}/v1/citizens/${pin}?purpose=proactive-services`, { headers: h });
    return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code };
  };

  it('refuses a signature by another key, evidence for another number, and evidence not from now', async () => {
    const now = new Date(centreNow).toISOString();
    const attest = { level: 'officer-attested', officer: 'canbo', issuedAt: now };
    expect(await ask(headers(attest))).toEqual({ status: 200, code: undefined });
    expect(await ask(headers(attest, generateKeyPairSync('ed25519').privateKey))).toEqual({ status: 403, code: 'evidence-invalid' });
    expect(await ask(headers(attest), '001099012345')).toEqual({ status: 403, code: 'evidence-invalid' });
    expect(await ask(headers({ ...attest, issuedAt: new Date(centreNow - 3_600_000).toISOString() }))).toEqual({ status: 403, code: 'evidence-invalid' });
    // A typed level is refused before the birth date is looked at: no oracle for birth dates.
    expect(await ask(headers({ level: 'typed', issuedAt: now, birthDate: '1900-01-01' }))).toEqual({ status: 403, code: 'assurance-too-low' });
  });
});

describe('the kiosk checks the profile it gets', () => {
  const link = { url: 'http://central.invalid', token: 't', publicKeyPem: '' };
  const answering = (profile: unknown): typeof fetch => async () => new Response(JSON.stringify(profile), { status: 200 });

  it('drops a profile of another number or another birth date', async () => {
    const me = { personalNumber: MOTHER.personalNumber, birthDate: MOTHER.birthDate };
    expect(await fetchCentralProfile(link, me, 'p', 'c', { fetch: answering({ ...me, fullName: 'A' }) })).toMatchObject({ ok: true });
    expect(await fetchCentralProfile(link, me, 'p', 'c', { fetch: answering({ ...me, birthDate: '1990-10-24' }) })).toMatchObject({ ok: false, refused: 'mismatch' });
    expect(await fetchCentralProfile(link, me, 'p', 'c', { fetch: answering({ ...me, personalNumber: '001099012345' }) })).toMatchObject({ ok: false, refused: 'mismatch' });
  });
});
