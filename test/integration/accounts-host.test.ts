import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES } from '../../electron/contract';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { DEMO_ACCOUNTS } from '../../electron/host/account-handlers';
import { createHost, type Host } from '../../electron/host/create-host';
import { DEFAULT_IDLE_MINUTES, IDLE_MINUTES_KEY } from '../../electron/host/idle-timeout';
import { newSession, type Session } from '../../electron/host/session';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

const TECHNICIAN = { username: 'ktv.nam', displayName: 'Kỹ thuật viên Nam', password: 'mật-khẩu-kỹ-thuật' };
const OFFICER = { username: 'canbo.lan', displayName: 'Cán bộ Lan', role: 'officer' as const, password: 'mật-khẩu-cán-bộ' };
const CANBO = DEMO_ACCOUNTS[0];
const MINUTE = 60_000;

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;

const start = (demo: boolean) =>
  createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'm.db'), demo, sync: false, devices: false, transport: 'browser', version: 't', today: () => isoDate('2026-11-23') });
const call = (session: Session, channel: string, input: unknown = {}) => host.router.dispatch(session, channel, input);

beforeEach(() => {
  tmp = makeTempDir('motcua-accounts-host-');
});
afterEach(async () => {
  vi.useRealTimers();
  await host.close();
  tmp.cleanup();
});

describe('first start (no demo)', () => {
  beforeEach(() => {
    host = start(false);
  });

  it('asks for the first technician, creates it once, then refuses bootstrap to anyone', async () => {
    const kiosk = newSession();
    expect(await call(kiosk, 'accounts.status')).toEqual({ ok: true, value: { needsBootstrap: true } });
    expect(await call(kiosk, 'accounts.bootstrap', { ...TECHNICIAN, password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_TOO_SHORT', message: { vi: 'Mật khẩu phải có ít nhất 10 ký tự.', en: 'The password must have at least 10 characters.' } },
    });
    expect(await call(kiosk, 'accounts.bootstrap', TECHNICIAN)).toMatchObject({ ok: true, value: { username: 'ktv.nam', role: 'technician' } });
    expect(await call(kiosk, 'accounts.status')).toEqual({ ok: true, value: { needsBootstrap: false } });
    expect(await call(kiosk, 'accounts.bootstrap', { ...TECHNICIAN, username: 'other' })).toMatchObject({ ok: false, error: { code: 'BOOTSTRAP_DONE' } });
    expect(kiosk.role).toBe('kiosk');
  });

  it('only a signed-in technician manages accounts; the officer it creates signs in as an officer', async () => {
    await call(newSession(), 'accounts.bootstrap', TECHNICIAN);
    const technician = newSession();
    expect(await call(technician, 'auth.login', { username: 'KTV.NAM', password: TECHNICIAN.password })).toEqual({
      ok: true,
      value: { role: 'technician', displayName: 'Kỹ thuật viên Nam' },
    });
    for (const role of ['kiosk', 'officer'] as const) {
      expect(await call(newSession(role), 'accounts.create', OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call(newSession(role), 'accounts.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await call(technician, 'accounts.create', OFFICER)).toMatchObject({ ok: true, value: { username: 'canbo.lan', role: 'officer', disabled: false } });
    const list = await call(technician, 'accounts.list');
    expect(JSON.stringify(list)).not.toMatch(/hash|salt|mật-khẩu/);

    const officer = newSession();
    expect(await call(officer, 'auth.login', { username: 'canbo.lan', password: OFFICER.password })).toEqual({ ok: true, value: { role: 'officer', displayName: 'Cán bộ Lan' } });
    expect(await call(officer, 'session.get')).toEqual({ ok: true, value: { role: 'officer', displayName: 'Cán bộ Lan' } });

    expect(await call(technician, 'accounts.resetPassword', { username: 'canbo.lan', password: 'mật-khẩu-mới-mười' })).toMatchObject({ ok: true });
    expect(await call(newSession(), 'auth.login', { username: 'canbo.lan', password: OFFICER.password })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(await call(technician, 'accounts.disable', { username: 'canbo.lan' })).toMatchObject({ ok: true, value: { disabled: true } });
    // Disabling takes effect at once: the officer still signed in is a kiosk at their next call.
    expect(await call(officer, 'sync.now')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(officer.role).toBe('kiosk');
    expect(await call(newSession(), 'auth.login', { username: 'canbo.lan', password: 'mật-khẩu-mới-mười' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(await call(technician, 'accounts.disable', { username: 'ktv.nam' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LAST_TECHNICIAN' } });
  });
});

describe('the demo', () => {
  beforeEach(() => {
    host = start(true);
  });

  it('has canbo and kythuat; a wrong password and an unknown user get the same bilingual refusal; log-out returns to kiosk', async () => {
    expect(await call(newSession(), 'accounts.status')).toEqual({ ok: true, value: { needsBootstrap: false } });
    const session = newSession();
    const wrong = await call(session, 'auth.login', { username: 'canbo', password: 'not-the-password' });
    const unknown = await call(session, 'auth.login', { username: 'nobody', password: CANBO.password });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', message: ERROR_MESSAGES.AUTH_FAILED } });
    expect(session.role).toBe('kiosk');
    expect(await call(session, 'auth.login', { username: 'canbo', password: 'motcua-demo' })).toEqual({ ok: true, value: { role: 'officer', displayName: 'Cán bộ Trần Thị Mai' } });
    expect(await call(newSession(), 'auth.login', { username: 'kythuat', password: 'motcua-demo' })).toMatchObject({ ok: true, value: { role: 'technician' } });
    expect(await call(session, 'auth.logout')).toEqual({ ok: true, value: { role: 'kiosk' } });
    expect(await call(session, 'session.get')).toEqual({ ok: true, value: { role: 'kiosk' } });
  });

  it('locks the account after five wrong passwords, with a message saying for how long', async () => {
    for (let i = 0; i < 5; i++) await call(newSession(), 'auth.login', { username: 'canbo', password: 'not-the-password' });
    const locked = await call(newSession(), 'auth.login', { username: 'canbo', password: 'motcua-demo' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'AUTH_LOCKED', message: { vi: expect.stringContaining('5 phút'), en: expect.stringContaining('5 minutes') } } });
  });

  it(`an officer idle for ${DEFAULT_IDLE_MINUTES} minutes is a kiosk again at the next call, and the citizen they served is gone`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-11-23T08:00:00Z'));
    const officer = newSession();
    await call(officer, 'auth.login', { username: 'canbo', password: 'motcua-demo' });
    expect(await call(officer, 'citizen.open', { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' })).toMatchObject({ ok: true });
    vi.advanceTimersByTime(DEFAULT_IDLE_MINUTES * MINUTE);
    expect(await call(officer, 'session.get')).toEqual({ ok: true, value: { role: 'officer', displayName: 'Cán bộ Trần Thị Mai' } });
    vi.advanceTimersByTime(DEFAULT_IDLE_MINUTES * MINUTE + 1);
    expect(await call(officer, 'sync.now')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(officer, 'session.get')).toEqual({ ok: true, value: { role: 'kiosk' } });
    expect(await call(officer, 'proactive.reminders')).toMatchObject({ ok: false, error: { code: 'NO_CITIZEN' } });
  });

  it('the idle time comes from the auth.idleMinutes setting and applies to technicians too', async () => {
    new SettingsRepository(host.db).set(IDLE_MINUTES_KEY, '2');
    vi.useFakeTimers({ toFake: ['Date'] });
    const technician = newSession();
    await call(technician, 'auth.login', { username: 'kythuat', password: 'motcua-demo' });
    vi.advanceTimersByTime(2 * MINUTE + 1);
    expect(await call(technician, 'accounts.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
