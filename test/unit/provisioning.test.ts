import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { CentralSettings } from '../../electron/host/central-link';
import { applyProvisioning, PROVISION_FILE, provisionAtStart, provisioningDirs, readProvisioning } from '../../electron/host/provisioning';
import { keyFileSecretStore } from '../../electron/security/secret-store';
import { isAllowedEndpoint } from '../../electron/contract';
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
    ['a plain-http endpoint named like this machine', { ...GOOD, centralEndpoint: 'http://127.0.0.1.evil.example/api' }],
    ['a plain-http update folder elsewhere', { ...GOOD, updateUrl: 'http://updates.hanoi.gov.vn/motcua' }],
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

  const centralSettings = () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const settings = new SettingsRepository(db);
    return { settings, central: new CentralSettings(settings, keyFileSecretStore(tmp.dir)) };
  };

  it('is applied to settings once per version of the file, so a later console change stays', () => {
    const { settings, central } = centralSettings();
    write(tmp.dir, GOOD);
    const read = readProvisioning([tmp.dir]);
    if (read.status !== 'ok') throw new Error('expected ok');
    expect(applyProvisioning(central, read)).toBe(true);
    expect([settings.get('central.url'), settings.get('kiosk.role'), settings.get('centre.code')]).toEqual([GOOD.centralEndpoint, 'kiosk', 'HN-TTHCC-01']);
    settings.set('kiosk.role', 'counter');
    expect(applyProvisioning(central, read)).toBe(false);
    expect(settings.get('kiosk.role')).toBe('counter');
    write(tmp.dir, { ...GOOD, role: 'kiosk', centreCode: 'HN-TTHCC-02' });
    const changed = readProvisioning([tmp.dir]);
    if (changed.status !== 'ok') throw new Error('expected ok');
    expect(applyProvisioning(central, changed)).toBe(true);
    expect(settings.get('centre.code')).toBe('HN-TTHCC-02');
  });

  it('is applied at start with its update folder; an invalid file is logged with its path and problems, and changes nothing', () => {
    const { settings, central } = centralSettings();
    write(tmp.dir, { ...GOOD, updateUrl: 'https://motcua.hanoi.gov.vn/updates' });
    expect(provisionAtStart(central, [tmp.dir]).status).toBe('ok');
    expect([central.endpoint(), central.updateUrl(), settings.get('centre.code')]).toEqual([GOOD.centralEndpoint, 'https://motcua.hanoi.gov.vn/updates', 'HN-TTHCC-01']);

    write(tmp.dir, { ...GOOD, centralEndpoint: 'ftp://elsewhere' });
    const logged: string[] = [];
    const read = provisionAtStart(central, [tmp.dir], (channel, error) => logged.push(`${channel}: ${(error as Error).message}`));
    expect(read.status).toBe('invalid');
    expect(logged).toEqual([expect.stringMatching(new RegExp(`^provisioning: .*${PROVISION_FILE}: centralEndpoint: `))]);
    expect(central.endpoint()).toBe(GOOD.centralEndpoint);
  });

  it('forgets the registration when a new file points the machine at another centre', () => {
    const { central } = centralSettings();
    central.saveLink({ url: GOOD.centralEndpoint, token: 'old-token', publicKeyPem: 'pem' });
    write(tmp.dir, GOOD);
    provisionAtStart(central, [tmp.dir]);
    expect(central.status().registered).toBe(true);
    write(tmp.dir, { ...GOOD, centralEndpoint: 'https://motcua.danang.gov.vn/api' });
    provisionAtStart(central, [tmp.dir]);
    expect(central.status()).toMatchObject({ endpoint: 'https://motcua.danang.gov.vn/api', registered: false });
  });

  it.each([
    ['https://motcua.hanoi.gov.vn/api', true],
    ['http://127.0.0.1:8080', true],
    ['http://localhost/api', true],
    ['http://[::1]:8787', true],
    ['http://motcua.hanoi.gov.vn', false],
    ['http://127.0.0.1.evil.example', false],
    ['http://localhost@evil.example', false],
    ['https://user:pass@motcua.hanoi.gov.vn', false],
    ['ftp://motcua.hanoi.gov.vn', false],
  ])('the one endpoint rule (console, provisioning, updates): %s → %s', (url, allowed) => {
    expect(isAllowedEndpoint(url)).toBe(allowed);
  });
});
