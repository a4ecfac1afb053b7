import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { applyProvisioning, PROVISION_FILE, provisioningDirs, readProvisioning } from '../../electron/host/provisioning';
import { makeTempDir } from '../support/temp-dir';

const GOOD = { centralEndpoint: 'https://motcua.hanoi.gov.vn/api', role: 'kiosk', centreCode: 'HN-TTHCC-01' };

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir('motcua-provision-')));
afterEach(() => tmp.cleanup());

const write = (dir: string, content: unknown) => writeFileSync(join(dir, PROVISION_FILE), typeof content === 'string' ? content : JSON.stringify(content));

describe('provisioning file', () => {
  it('is looked for beside the AppImage file first, then beside the executable', () => {
    expect(provisioningDirs('/opt/MotCua/motcua', {})).toEqual(['/opt/MotCua']);
    expect(provisioningDirs('/tmp/.mount_MotCua/motcua', { APPIMAGE: '/home/kiosk/MotCua.AppImage' })).toEqual(['/home/kiosk', '/tmp/.mount_MotCua']);
  });

  it('reads endpoint, role and centre code; absent when no folder has it', () => {
    expect(readProvisioning([tmp.dir])).toEqual({ status: 'absent' });
    write(tmp.dir, GOOD);
    expect(readProvisioning(['/nonexistent', tmp.dir])).toMatchObject({ status: 'ok', path: join(tmp.dir, PROVISION_FILE), value: GOOD });
  });

  it.each([
    ['not JSON', '{ "role": '],
    ['a plain-http endpoint elsewhere', { ...GOOD, centralEndpoint: 'http://motcua.hanoi.gov.vn' }],
    ['an unknown role', { ...GOOD, role: 'admin' }],
    ['a bad centre code', { ...GOOD, centreCode: 'hn tthcc' }],
    ['an unknown key (a token does not belong here)', { ...GOOD, token: 'x' }],
  ])('is invalid with %s, and says where', (_, content) => {
    write(tmp.dir, content);
    const read = readProvisioning([tmp.dir]);
    expect(read).toMatchObject({ status: 'invalid', path: join(tmp.dir, PROVISION_FILE) });
    if (read.status === 'invalid') expect(read.problems.length).toBeGreaterThan(0);
  });

  it('allows http on this machine (a local test centre)', () => {
    write(tmp.dir, { ...GOOD, centralEndpoint: 'http://127.0.0.1:8080' });
    expect(readProvisioning([tmp.dir]).status).toBe('ok');
  });

  it('is applied to settings once per version of the file, so a later console change stays', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const settings = new SettingsRepository(db);
    write(tmp.dir, GOOD);
    const read = readProvisioning([tmp.dir]);
    if (read.status !== 'ok') throw new Error('expected ok');
    expect(applyProvisioning(settings, read)).toBe(true);
    expect([settings.get('central.url'), settings.get('kiosk.role'), settings.get('centre.code')]).toEqual([GOOD.centralEndpoint, 'kiosk', 'HN-TTHCC-01']);
    settings.set('kiosk.role', 'counter');
    expect(applyProvisioning(settings, read)).toBe(false);
    expect(settings.get('kiosk.role')).toBe('counter');
    write(tmp.dir, { ...GOOD, role: 'kiosk', centreCode: 'HN-TTHCC-02' });
    const changed = readProvisioning([tmp.dir]);
    if (changed.status !== 'ok') throw new Error('expected ok');
    expect(applyProvisioning(settings, changed)).toBe(true);
    expect(settings.get('centre.code')).toBe('HN-TTHCC-02');
  });
});
