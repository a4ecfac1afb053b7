import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskOptions } from '../../electron/contract';
import { centreCalendar } from '../../electron/host/centre-calendar';
import { createHost, type Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;
const technician = newSession('technician');
const call = (channel: string, input: unknown, session = technician) => host.router.dispatch(session, channel, input);

const OPTIONS: KioskOptions = {
  role: 'counter',
  idleSeconds: 90,
  defaultLanguage: 'en',
  centreName: { vi: 'Trung tâm Phục vụ hành chính công phường Bến Nghé', en: 'Ben Nghe Public Service Centre' },
  openingHours: { vi: 'Thứ Hai – Thứ Sáu, 7 giờ 30 – 17 giờ', en: 'Monday – Friday, 7:30–17:00' },
  saturdayMorning: true,
};

beforeAll(() => {
  tmp = makeTempDir('motcua-kiosk-options-');
  host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'm.db'), demo: true, sync: false, devices: false, transport: 'browser', version: 't' });
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

describe('kiosk options', () => {
  it('start as a kiosk that waits 60 s, in Vietnamese, under the registered centre name', async () => {
    const r = await call('kiosk.options', {}, newSession('kiosk'));
    expect(r).toMatchObject({ ok: true, value: { role: 'kiosk', idleSeconds: 60, defaultLanguage: 'vi', saturdayMorning: false } });
    if (!r.ok) return;
    expect((r.value as KioskOptions).centreName.vi).not.toBe('');
    expect((r.value as KioskOptions).openingHours.vi).toContain('Thứ Hai');
  });

  it('are saved by a technician and read back by a kiosk; Saturday morning is the calendar’s own setting', async () => {
    expect(await call('kiosk.setOptions', OPTIONS)).toEqual({ ok: true, value: OPTIONS });
    expect(await call('kiosk.options', {}, newSession('kiosk'))).toEqual({ ok: true, value: OPTIONS });
    const calendar = centreCalendar(process.cwd(), new SettingsRepository(host.db));
    expect(calendar().saturdayMorning).toBe(true);
  });

  it.each([
    ['a timeout under 30 s', { idleSeconds: 29 }, 'idleSeconds'],
    ['a timeout over 600 s', { idleSeconds: 601 }, 'idleSeconds'],
    ['a fraction of a second', { idleSeconds: 60.5 }, 'idleSeconds'],
    ['a language the kiosk has no catalogue for', { defaultLanguage: 'fr' }, 'defaultLanguage'],
    ['an unknown machine role', { role: 'printer' }, 'role'],
    ['an option that does not exist', { wallpaper: 'red' }, ''],
  ])('refuse %s, with a message in Vietnamese and English, and keep what was saved', async (_what, change, field) => {
    const r = await call('kiosk.setOptions', { ...OPTIONS, ...change });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_INPUT');
    expect(r.error.message.vi).toBe('Dữ liệu nhập không hợp lệ.');
    expect(r.error.message.en).toBe('The data entered is not valid.');
    if (field) expect(r.error.fields).toEqual([field]);
    expect(await call('kiosk.options', {})).toEqual({ ok: true, value: OPTIONS });
  });

  it('are set by a technician only', async () => {
    for (const role of ['kiosk', 'officer'] as const) {
      expect(await call('kiosk.setOptions', OPTIONS, newSession(role))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
