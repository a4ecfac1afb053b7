import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, DEMO_TECHNICIAN_PIN, type Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;

beforeEach(() => {
  tmp = makeTempDir('motcua-pin-');
  host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'm.db'), demo: true, transport: 'browser', version: 't' });
});
afterEach(async () => {
  await host.close();
  tmp.cleanup();
});

describe('technician unlock', () => {
  it('the right PIN makes the session a technician, who may then run diagnostics; lock returns to kiosk', async () => {
    const session = newSession('kiosk');
    expect(await host.router.dispatch(session, 'diagnostics.doctor', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await host.router.dispatch(session, 'session.unlockTechnician', { pin: DEMO_TECHNICIAN_PIN })).toEqual({ ok: true, value: { role: 'technician' } });
    expect(await host.router.dispatch(session, 'diagnostics.doctor', {})).toMatchObject({ ok: true });
    expect(await host.router.dispatch(session, 'session.lock', {})).toEqual({ ok: true, value: { role: 'kiosk' } });
    expect(await host.router.dispatch(session, 'diagnostics.doctor', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a wrong PIN is refused in both languages and leaves the role alone; the PIN is not stored in clear', async () => {
    const session = newSession('kiosk');
    const result = await host.router.dispatch(session, 'session.unlockTechnician', { pin: '000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'TECHNICIAN_PIN_WRONG', message: { vi: 'Mã PIN kỹ thuật viên không đúng.' }, fields: ['pin'] } });
    expect(session.role).toBe('kiosk');
    expect(new SettingsRepository(host.db).get('technician.pin')).not.toContain(DEMO_TECHNICIAN_PIN);
  });

  it('locks out after five wrong PINs, even for the right one', async () => {
    const session = newSession('kiosk');
    for (let i = 0; i < 5; i++) await host.router.dispatch(session, 'session.unlockTechnician', { pin: '000000' });
    const result = await host.router.dispatch(session, 'session.unlockTechnician', { pin: DEMO_TECHNICIAN_PIN });
    expect(result).toMatchObject({ ok: false, error: { code: 'TECHNICIAN_PIN_LOCKED' } });
    expect(session.role).toBe('kiosk');
  });
});
