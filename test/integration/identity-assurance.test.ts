/**
 * The centre's data about a person goes only to that person: a typed number and birth date, or a
 * scanned QR (both printed on the card, so anyone with a photo of it has them), get the card-only
 * service; a verified chip, a confirmation on the registered phone or an officer's check of the
 * original card release the profile, and the centre is the one that decides.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput, DossierView } from '../../electron/contract';
import { AuditRepository } from '../../electron/db/audit-repository';
import type { Host } from '../../electron/host/create-host';
import { newSession, type Session } from '../../electron/host/session';
import type { CentralSim } from '../support/central-sim/server';
import { DEMO_MOTHER as MOTHER, hostCall, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';

let running: HostWithCentral;
let host: Host;
let sim: CentralSim;
const call = hostCall(() => host);

beforeEach(async () => {
  running = await startHostWithCentral('assurance');
  ({ host, sim } = running);
});
afterEach(() => running.close());

const TYPED = { personalNumber: MOTHER.personalNumber, birthDate: MOTHER.birthDate, source: 'typed' as const };
const accept = (session: Session) => call<ChannelOutput<'consent.decide'>>(session, 'consent.decide', { purpose: 'proactive-services', accept: true });
const reminders = (session: Session) => call<ChannelOutput<'proactive.reminders'>>(session, 'proactive.reminders', {});
const phone = async () => ((await (await fetch(`${sim.url}/_control/phone`, { headers: { authorization: `Bearer ${sim.token}` } })).json()) as { messages: { code: string; pin: string; challengeId: string }[] }).messages;

describe('the typed-number hole', () => {
  it('a typed number and birth date, accepted consent: no central profile, no centre data in the reminders or the form', async () => {
    const session = newSession('kiosk');
    const opened = await call(session, 'citizen.open', TYPED);
    // The hole: on the main of before, this loaded the mother's profile (spouse, newborn) from the centre.
    expect(await accept(session)).toMatchObject({ accepted: true, profile: 'insufficient' });
    const list = await reminders(session);
    expect(list).toMatchObject({ usedCentral: false });
    // The card-only service still works: the number's structure gives the ID card renewal.
    expect(list.reminders.map((r) => r.ruleId)).not.toContain('newborn-birth-registration');
    const view = await call<DossierView>(session, 'dossier.prepare', { formId: 'birth-registration' });
    expect(view.draft.fields['father.fullName']).toMatchObject({ value: null, source: null });
    expect(JSON.stringify(view.draft)).not.toContain('Trần Minh Khoa');
    expect(Object.values(view.draft.fields).some((f) => f.source === 'central')).toBe(false);
    expect([opened, list]).toMatchObject([{ assurance: 'typed' }, { assurance: 'typed' }]);
  });

  it('a scanned QR is no better: the centre refuses it too', async () => {
    const session = newSession('kiosk');
    expect(await call(session, 'citizen.open', MOTHER)).toMatchObject({ assurance: 'qr' });
    expect(await accept(session)).toMatchObject({ profile: 'insufficient' });
    expect((await reminders(session)).usedCentral).toBe(false);
  });

  it('the centre itself refuses a profile request without evidence (403 assurance-too-low), before any birth-date check', async () => {
    const res = await fetch(`${sim.url}/v1/citizens/${MOTHER.personalNumber}?purpose=proactive-services`, { headers: { authorization: `Bearer ${sim.token}`, 'x-consent-token': 'c' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'assurance-too-low' } });
  });

  it('every personal-data audit row of the turn carries its level, and the chain still verifies', async () => {
    const session = newSession('kiosk');
    await call(session, 'citizen.open', TYPED);
    await accept(session);
    await reminders(session);
    const rows = new AuditRepository(host.db).all().filter((r) => r.session === session.id);
    expect(rows.map((r) => [r.channel, r.assurance])).toEqual([
      ['citizen.open', 'typed'],
      ['consent.decision', 'typed'],
      ['consent.decide', 'typed'],
      ['proactive.reminders', 'typed'],
    ]);
    expect(host.audit.verify()).toMatchObject({ ok: true });
  });
});

describe('levels that release the profile', () => {
  it('holder-confirmed: the code sent to the registered phone, then the profile and a prefilled dossier', async () => {
    const session = newSession('kiosk');
    await call(session, 'citizen.open', TYPED);
    const challenge = await call<ChannelOutput<'identity.challenge'>>(session, 'identity.challenge', {});
    expect(challenge.phoneHint).toMatch(/\d{3}$/);
    expect(await call(session, 'identity.confirm', {})).toMatchObject({ status: 'pending', assurance: 'typed' });
    const sent = (await phone()).filter((m) => m.pin === MOTHER.personalNumber).at(-1)!;
    const wrong = sent.code === '000000' ? '111111' : '000000';
    await expect(call(session, 'identity.confirm', { code: wrong })).rejects.toMatchObject({ data: { code: 'CHALLENGE_WRONG_CODE' } });
    expect(await call(session, 'identity.confirm', { code: sent.code })).toMatchObject({ status: 'confirmed', assurance: 'holder-confirmed' });
    expect(await accept(session)).toMatchObject({ profile: 'loaded' });
    expect(await reminders(session)).toMatchObject({ usedCentral: true, assurance: 'holder-confirmed' });
    const view = await call<DossierView>(session, 'dossier.prepare', { formId: 'birth-registration' });
    expect(view.draft.fields['father.fullName']).toMatchObject({ value: 'Trần Minh Khoa', source: 'central' });
  });

  it('holder-confirmed by approval in the e-ID app: the kiosk polls and sees it', async () => {
    const session = newSession('kiosk');
    await call(session, 'citizen.open', TYPED);
    await call(session, 'identity.challenge', {});
    const { challengeId } = (await phone()).at(-1)!;
    await fetch(`${sim.url}/_control/phone/approve`, { method: 'POST', headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ challengeId }) });
    expect(await call(session, 'identity.confirm', {})).toMatchObject({ status: 'confirmed', assurance: 'holder-confirmed' });
    expect(await accept(session)).toMatchObject({ profile: 'loaded' });
  });

  it('a birth date that is not the person\'s gets no code sent (identity-mismatch)', async () => {
    const session = newSession('kiosk');
    await call(session, 'citizen.open', { ...TYPED, birthDate: '1999-05-17' });
    await expect(call(session, 'identity.challenge', {})).rejects.toMatchObject({ data: { code: 'IDENTITY_MISMATCH' } });
    expect((await phone()).length).toBe(0);
  });

  it('chip: a verified chip releases the profile; the chip\'s name greets the citizen; the key came from the QR\'s dates', async () => {
    const session = newSession('kiosk');
    await call(session, 'citizen.open', { ...MOTHER, fullName: undefined });
    expect(await call(session, 'identity.readChip', {})).toMatchObject({ assurance: 'chip', fullName: 'Nguyễn Văn An' });
    expect(await accept(session)).toMatchObject({ profile: 'loaded' });
    const rows = new AuditRepository(host.db).all().filter((r) => r.session === session.id && r.channel === 'consent.decide');
    expect(rows.map((r) => r.assurance)).toEqual(['chip']);
  });

  it('officer-attested: only a signed-in officer, audited with their account', async () => {
    const kiosk = newSession('kiosk');
    await call(kiosk, 'citizen.open', TYPED);
    await expect(call(kiosk, 'identity.attest', { checkedOriginal: true })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    const officer = newSession('kiosk');
    await call(officer, 'auth.login', { username: 'canbo', password: 'motcua-demo' });
    await call(officer, 'citizen.open', TYPED);
    expect(await accept(officer)).toMatchObject({ profile: 'insufficient' });
    expect(await call(officer, 'identity.attest', { checkedOriginal: true })).toEqual({ assurance: 'officer-attested' });
    expect(await accept(officer)).toMatchObject({ profile: 'loaded' });
    const attest = new AuditRepository(host.db).all().find((r) => r.channel === 'identity.attest');
    expect(attest).toMatchObject({ actor: 'canbo', assurance: 'officer-attested', outcome: 'ok', subject: host.audit.subjectHash(MOTHER.personalNumber) });
  });
});
