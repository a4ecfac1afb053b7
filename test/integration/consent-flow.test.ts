import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentNotice } from '../../electron/contract';
import { AuditRepository } from '../../electron/db/audit-repository';
import type { Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import type { CentralSim } from '../support/central-sim/server';
import { DEMO_MOTHER as MOTHER, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';

let running: HostWithCentral;
let host: Host;
let sim: CentralSim;

beforeEach(async () => {
  running = await startHostWithCentral('consent');
  ({ host, sim } = running);
});
afterEach(() => running.close());

const consentRows = () => host.db.prepare('SELECT subject, purpose, accepted, scope, legal_basis, expires_at FROM consents').all() as Record<string, unknown>[];

describe('consent before the central profile', () => {
  it('no consent can be given before a citizen is identified', async () => {
    const r = await host.router.dispatch(newSession('kiosk'), 'consent.decide', { purpose: 'proactive-services', accept: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_CITIZEN' } });
    expect(consentRows()).toEqual([]);
  });

  it('the notice names the purpose, the data categories and the legal basis in Vietnamese and English', async () => {
    const r = await host.router.dispatch(newSession('kiosk'), 'consent.notice', { purpose: 'proactive-services' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const notice = r.value as ConsentNotice;
    expect(notice).toMatchObject({ purpose: 'proactive-services', validForMinutes: 30 });
    expect(notice.categories.length).toBeGreaterThan(2);
    expect(notice.legalBasis.map((b) => b.vi).join(' ')).toContain('91/2025/QH15');
    expect(notice.summary.en).toMatch(/decline/);
  });

  it('accepting records the consent (subject as a keyed hash) and reads the central profile into the session', async () => {
    const session = newSession('kiosk');
    expect((await host.router.dispatch(session, 'citizen.open', MOTHER)).ok).toBe(true);
    expect((await host.router.dispatch(session, 'identity.readChip', {})).ok).toBe(true);
    const r = await host.router.dispatch(session, 'consent.decide', { purpose: 'proactive-services', accept: true });
    expect(r).toMatchObject({ ok: true, value: { accepted: true, profile: 'loaded' } });
    const [row] = consentRows();
    expect(row).toMatchObject({ purpose: 'proactive-services', accepted: 1 });
    expect(String(row?.subject)).toBe(host.audit.subjectHash(MOTHER.personalNumber));
    expect(JSON.stringify(row)).not.toContain(MOTHER.personalNumber);
    expect(String(row?.legal_basis)).toContain('91/2025/QH15');
    expect(Date.parse(String(row?.expires_at)) - Date.now()).toBeGreaterThan(29 * 60_000);

    const audit = new AuditRepository(host.db).all().filter((a) => a.channel === 'consent.decide');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ purpose: 'proactive-services', outcome: 'ok', subject: host.audit.subjectHash(MOTHER.personalNumber) });
    expect(audit[0]?.legal_basis).toContain('91/2025/QH15');
  });

  it('declining records the refusal, reads nothing from the centre, and the session goes on', async () => {
    const session = newSession('kiosk');
    await host.router.dispatch(session, 'citizen.open', MOTHER);
    const r = await host.router.dispatch(session, 'consent.decide', { purpose: 'proactive-services', accept: false });
    expect(r).toMatchObject({ ok: true, value: { accepted: false, profile: 'declined', expiresAt: null } });
    expect(consentRows()).toMatchObject([{ accepted: 0, expires_at: null }]);
    // Its proof, which outlives the row: declined, under which notice, no expiry.
    const [proof] = new AuditRepository(host.db).all().filter((a) => a.channel === 'consent.decision');
    expect(proof).toMatchObject({ outcome: 'declined', subject: host.audit.subjectHash(MOTHER.personalNumber), target: expect.stringMatching(/^consent:[0-9a-f-]{36} notice:[0-9a-f]{16}$/) });
  });

  it('an unreachable centre leaves the card-only service, not an error', async () => {
    await sim.close();
    const session = newSession('kiosk');
    await host.router.dispatch(session, 'citizen.open', MOTHER);
    await host.router.dispatch(session, 'identity.readChip', {});
    const r = await host.router.dispatch(session, 'consent.decide', { purpose: 'proactive-services', accept: true });
    expect(r).toMatchObject({ ok: true, value: { accepted: true, profile: 'unavailable' } });
  });

  it('closing the citizen ends the session\'s access: consent needs a citizen again', async () => {
    const session = newSession('kiosk');
    await host.router.dispatch(session, 'citizen.open', MOTHER);
    await host.router.dispatch(session, 'consent.decide', { purpose: 'proactive-services', accept: true });
    expect(await host.router.dispatch(session, 'citizen.close', {})).toMatchObject({ ok: true });
    const again = await host.router.dispatch(session, 'consent.decide', { purpose: 'proactive-services', accept: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'NO_CITIZEN' } });
  });

  it('another session cannot use this citizen\'s consent', async () => {
    const a = newSession('kiosk');
    await host.router.dispatch(a, 'citizen.open', MOTHER);
    await host.router.dispatch(a, 'consent.decide', { purpose: 'proactive-services', accept: true });
    const r = await host.router.dispatch(newSession('kiosk'), 'consent.decide', { purpose: 'proactive-services', accept: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_CITIZEN' } });
  });
});
