/**
 * Every account event is in the hash-chained audit log — who (username), what, when,
 * from which session — log-ins that work and those that fail (unknown name and wrong password
 * alike, never the password), lock-out, log-out, idle time-out, and a technician's changes to an
 * account; and the chain still verifies with the real `motcua audit verify`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView } from '../../electron/contract';
import { AuditRepository, type AuditRow } from '../../electron/db/audit-repository';
import type { Host } from '../../electron/host/create-host';
import { newSession, type Session } from '../../electron/host/session';
import { hostCall, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { runMotcua } from '../support/run-cli';

let running: HostWithCentral;
let host: Host;
beforeAll(async () => {
  running = await startHostWithCentral('accounts-audit');
  host = running.host;
});
afterAll(() => running.close());

const call = hostCall(() => host);
const failure = (session: Session, channel: string, input: unknown) => call(session, channel, input).then(() => 'accepted', (e: { data: { code: string } }) => e.data.code);
const rows = (): AuditRow[] => new AuditRepository(host.db).all();
/** The rows written since `from` (an index into the log), without the hashes. */
const since = (from: number) => rows().slice(from).map(({ session, role, channel, purpose, outcome, actor, target, subject }) => ({ session, role, channel, purpose, outcome, actor, target, subject }));

const DEMO_PASSWORD = 'motcua-demo';
const WRONG = 'sai-mật-khẩu-rồi';
const NEW_PASSWORD = 'mật-khẩu-mới-đủ-dài';

describe('account events in the audit log', () => {
  it('logs log-ins that work and that fail, by username and session, never the password', async () => {
    const from = rows().length;
    const counter = newSession();
    await call(counter, 'auth.login', { username: 'canbo', password: DEMO_PASSWORD });
    const mistyped = newSession();
    expect(await failure(mistyped, 'auth.login', { username: 'CANBO', password: WRONG })).toBe('AUTH_FAILED');
    expect(await failure(mistyped, 'auth.login', { username: 'khong.co.ai', password: WRONG })).toBe('AUTH_FAILED');
    await call(counter, 'auth.logout', {});

    const logged = since(from);
    const [ok, wrong, unknown, out] = logged;
    expect(logged).toHaveLength(4);
    expect(ok).toEqual({ session: counter.id, role: 'officer', channel: 'auth.login', purpose: 'account-security', outcome: 'ok', actor: 'canbo', target: null, subject: null });
    expect(wrong).toMatchObject({ session: mistyped.id, role: 'kiosk', channel: 'auth.login', outcome: 'AUTH_FAILED (wrong-password)', actor: 'canbo' });
    // A name no account has is kept as a keyed hash: now and then it is a password typed in the wrong field.
    expect(unknown).toMatchObject({ session: mistyped.id, channel: 'auth.login', outcome: 'AUTH_FAILED (unknown-user)', actor: expect.stringMatching(/^unknown:[0-9a-f]{16}$/) });
    expect(out).toMatchObject({ session: counter.id, role: 'officer', channel: 'auth.logout', outcome: 'ok', actor: 'canbo' });
    // The same unknown name hashes the same, so repeated guesses show; and no password is anywhere in the log.
    await failure(newSession(), 'auth.login', { username: 'Khong.Co.Ai', password: WRONG });
    expect(rows().at(-1)!.actor).toBe(unknown!.actor);
    const everything = JSON.stringify(rows());
    for (const secret of [WRONG, DEMO_PASSWORD, 'khong.co.ai']) expect(everything).not.toContain(secret);
    expect(rows().every((r) => typeof r.at === 'string' && !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });

  it('logs a technician creating, disabling, enabling, unlocking an account and resetting its password', async () => {
    const technician = newSession();
    await call(technician, 'auth.login', { username: 'kythuat', password: DEMO_PASSWORD });
    const from = rows().length;
    await call(technician, 'accounts.create', { username: 'hoa.nguyen', displayName: 'Cán bộ Hoa', role: 'officer', password: NEW_PASSWORD });

    // Five wrong passwords lock the account: the fifth failure is logged, then the lock-out itself.
    const guesser = newSession();
    for (let i = 0; i < 5; i++) expect(await failure(guesser, 'auth.login', { username: 'hoa.nguyen', password: WRONG })).toBe('AUTH_FAILED');
    expect(await failure(guesser, 'auth.login', { username: 'hoa.nguyen', password: NEW_PASSWORD })).toBe('AUTH_LOCKED');
    const list = await call<{ accounts: AccountView[] }>(technician, 'accounts.list', {});
    expect(list.accounts.find((a) => a.username === 'hoa.nguyen')).toMatchObject({ locked: true, disabled: false });

    expect(await call(technician, 'accounts.unlock', { username: 'hoa.nguyen' })).toMatchObject({ locked: false });
    const hoa = newSession();
    await call(hoa, 'auth.login', { username: 'hoa.nguyen', password: NEW_PASSWORD });
    expect(await call(technician, 'accounts.disable', { username: 'hoa.nguyen' })).toMatchObject({ disabled: true });
    // Signed in when disabled: signed out at the next call, and that is logged too.
    expect(await failure(hoa, 'cases.dueList', {})).toBe('FORBIDDEN');
    expect(await failure(newSession(), 'auth.login', { username: 'hoa.nguyen', password: NEW_PASSWORD })).toBe('AUTH_FAILED');
    expect(await call(technician, 'accounts.enable', { username: 'hoa.nguyen' })).toMatchObject({ disabled: false });
    await call(technician, 'accounts.resetPassword', { username: 'hoa.nguyen', password: `${NEW_PASSWORD}-2` });

    const events = since(from).map(({ channel, outcome, actor, target, session }) => ({ channel, outcome, actor, target, session }));
    const byTechnician = { actor: 'kythuat', session: technician.id, outcome: 'ok' };
    expect(events).toEqual([
      { channel: 'accounts.create', target: 'hoa.nguyen', ...byTechnician },
      ...Array.from({ length: 5 }, () => ({ channel: 'auth.login', outcome: 'AUTH_FAILED (wrong-password)', actor: 'hoa.nguyen', target: null, session: guesser.id })),
      { channel: 'auth.lockout', outcome: 'locked', actor: 'hoa.nguyen', target: 'hoa.nguyen', session: guesser.id },
      { channel: 'auth.login', outcome: 'AUTH_LOCKED (locked)', actor: 'hoa.nguyen', target: null, session: guesser.id },
      { channel: 'accounts.unlock', target: 'hoa.nguyen', ...byTechnician },
      { channel: 'auth.login', outcome: 'ok', actor: 'hoa.nguyen', target: null, session: hoa.id },
      { channel: 'accounts.disable', target: 'hoa.nguyen', ...byTechnician },
      { channel: 'auth.disabled-signout', outcome: 'signed-out', actor: 'hoa.nguyen', target: null, session: hoa.id },
      { channel: 'auth.login', outcome: 'AUTH_FAILED (disabled)', actor: 'hoa.nguyen', target: null, session: expect.any(String) },
      { channel: 'accounts.enable', target: 'hoa.nguyen', ...byTechnician },
      { channel: 'accounts.resetPassword', target: 'hoa.nguyen', ...byTechnician },
    ]);
    expect(JSON.stringify(rows())).not.toContain(NEW_PASSWORD);
  });

  it('logs the idle time-out of a signed-in session', async () => {
    const officer = newSession();
    await call(officer, 'auth.login', { username: 'canbo', password: DEMO_PASSWORD });
    const from = rows().length;
    officer.lastSeen = Date.now() - 16 * 60_000;
    expect(await failure(officer, 'cases.dueList', {})).toBe('FORBIDDEN');
    expect(since(from)).toEqual([
      { session: officer.id, role: 'officer', channel: 'auth.timeout', purpose: 'account-security', outcome: 'signed-out', actor: 'canbo', target: null, subject: null },
    ]);
  });

  it('keeps the chain whole: motcua audit verify checks every row', async () => {
    const count = rows().length;
    expect(host.audit.verify()).toEqual({ ok: true, rows: count, shipped: 0, shippedThrough: 0 });
    const r = await runMotcua('audit', 'verify', '--db', `${running.dir}/motcua.db`, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, rows: count, shipped: 0, shippedThrough: 0 });
  });
});
