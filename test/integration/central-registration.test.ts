import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CentralStatus, DoctorReport, SyncStatus } from '../../electron/contract';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { createHost, type Host, type HostConfig } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { loadOrCreateDeviceKey, PRIVATE_KEY_SETTING } from '../../electron/security/device-signing';
import { keyFileSecretStore, osSecretStore, sealedSettings } from '../../electron/security/secret-store';
import { keyFingerprint } from '../../electron/host/central-link';
import { PROVISION_FILE } from '../../electron/host/provisioning';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { hostCall } from '../support/host-with-central';
import { makeTempDir } from '../support/temp-dir';
import { until } from '../support/until';
import { fixedChipSource, verifiedReading } from '../support/test-chip-source';

const CODE = 'ENROL-7F3A-21';
const SECOND_CODE = 'ENROL-7F3A-22';
let tmp: ReturnType<typeof makeTempDir>;
let sim: CentralSim;
let host: Host;
const technician = newSession('technician');
const call = hostCall(() => host);

const start = (extra: Partial<HostConfig> = {}): Host =>
  (host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'motcua.db'), demo: true, transport: 'browser', version: 't', devices: false, sync: false, ...extra }));
const settings = () => new SettingsRepository(host.db);
/** What a technician reads in the console, and the code of a refusal. */
const status = () => call<CentralStatus>(technician, 'central.status', {});
const refusal = (channel: string, input: unknown) => call(technician, channel, input).then(() => null, (e: { data: { code: string } }) => e.data.code);
const testLink = () => call<{ outcome: string }>(technician, 'central.test', {}).then((r) => r.outcome);
const configure = (centralPublicKeyPem = sim.publicKeyPem, endpoint = sim.url) => call<CentralStatus>(technician, 'central.configure', { endpoint, centralPublicKeyPem });
const register = (enrolmentCode = CODE) => call<CentralStatus>(technician, 'central.register', { enrolmentCode, centreCode: 'HN-TTHCC-01' });

beforeEach(async () => {
  tmp = makeTempDir('motcua-central-reg-');
  sim = await startCentralSim({ cases: 5, seed: 'reg', enrolmentCodes: [CODE, SECOND_CODE], db: join(tmp.dir, 'central.db'), keyDir: join(tmp.dir, 'central-key') });
});
afterEach(async () => {
  await host.close();
  await sim.close().catch(() => undefined);
  tmp.cleanup();
});

describe('registering this machine with the central system', () => {
  it('takes an https or loopback endpoint and an Ed25519 central key, and says what is wrong otherwise', async () => {
    start();
    expect(await status()).toMatchObject({ endpoint: null, registered: false, secretStore: 'key-file', lastTest: null });
    expect(await refusal('central.register', { enrolmentCode: CODE, centreCode: 'HN-TTHCC-01' })).toBe('CENTRAL_NOT_CONFIGURED');
    expect(await refusal('central.configure', { endpoint: 'http://motcua.hanoi.gov.vn/api', centralPublicKeyPem: sim.publicKeyPem })).toBe('BAD_INPUT');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(await refusal('central.configure', { endpoint: sim.url, centralPublicKeyPem: rsa })).toBe('CENTRAL_KEY_INVALID');
    const configured = await configure();
    expect(configured).toMatchObject({ endpoint: sim.url, registered: false, centralKeyFingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await testLink()).toBe('not-registered');
  });

  it('registers with a one-time code, keeps the token and device key only sealed, and syncs with that token', async () => {
    start();
    await configure();
    expect(await refusal('central.register', { enrolmentCode: 'WRONG-CODE', centreCode: 'HN-TTHCC-01' })).toBe('CENTRAL_ENROLMENT_REFUSED');
    const registered = await register();
    expect(registered).toMatchObject({ registered: true, deviceId: expect.stringMatching(/^dev-/), centreCode: 'HN-TTHCC-01', role: 'kiosk', keyFingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(registered.keyFingerprint).not.toBe(registered.centralKeyFingerprint);
    // The code is spent: a second machine cannot register with it.
    expect(await refusal('central.register', { enrolmentCode: CODE, centreCode: 'HN-TTHCC-01' })).toBe('CENTRAL_ENROLMENT_REFUSED');

    const token = keyFileSecretStore(tmp.dir).open(settings().get('central.token.sealed')!);
    expect(token.length).toBeGreaterThanOrEqual(32);
    host.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(join(tmp.dir, 'motcua.db')).toString('latin1');
    expect(file).not.toContain(token);
    expect(file).not.toContain('PRIVATE KEY');
    expect(settings().get('central.token')).toBeNull();

    const synced = await call<SyncStatus>(technician, 'sync.now', {});
    expect(synced).toMatchObject({ configured: true, state: 'idle', lastError: null });
    expect(synced.cursor).toBeGreaterThan(5);
    expect(await testLink()).toBe('ok');
    expect((await status()).lastTest).toMatchObject({ outcome: 'ok' });
  });

  it('tells apart an unreachable centre, a refused token and a centre that is not the pinned one', async () => {
    start();
    await configure();
    await register();
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // The same endpoint with another key (a rotation): the registration stays, the batch no longer verifies.
    expect(await configure(other)).toMatchObject({ registered: true });
    expect(await testLink()).toBe('wrong-central-key');
    await configure();
    settings().set('central.token.sealed', keyFileSecretStore(tmp.dir).seal('a-token-this-centre-never-issued'));
    expect(await testLink()).toBe('bad-token');
    await sim.close();
    expect(await testLink()).toBe('unreachable');
  });

  it('forgets the registration when the technician points the machine at another centre', async () => {
    start();
    await configure();
    await register();
    expect(await configure(sim.publicKeyPem, 'https://motcua.danang.gov.vn/api')).toMatchObject({ registered: false, deviceId: null, keyFingerprint: null });
    expect(settings().get('central.token.sealed')).toBeNull();
  });
});

describe('secrets kept by an earlier version', () => {
  it('seals a clear central token at start and deletes the clear one; sync goes on with it', async () => {
    start();
    // As the earlier version wrote them.
    settings().set('central.url', sim.url);
    settings().set('central.publicKeyPem', sim.publicKeyPem);
    settings().set('central.token', sim.token);
    await host.close();
    start();
    expect(settings().get('central.token')).toBeNull();
    const sealed = settings().get('central.token.sealed')!;
    expect(sealed).toMatch(/^key-file:/);
    expect(sealed).not.toContain(sim.token);
    expect(keyFileSecretStore(tmp.dir).open(sealed)).toBe(sim.token);
    expect(await call<SyncStatus>(technician, 'sync.now', {})).toMatchObject({ state: 'idle', lastError: null });
    const doctor = await call<DoctorReport>(technician, 'diagnostics.doctor', {});
    expect(doctor.central).toMatchObject({ configured: true, reachable: true, keyPinned: true, registered: true, tokenReadable: true });
    expect(doctor.problems!.filter((p) => p.startsWith('central'))).toEqual([]);
  });
});

describe('the demo centre', () => {
  it('is enrolled with on its own at start, and the sync runs with the issued token', async () => {
    start({ sync: true, enrol: { url: sim.url, publicKeyPem: sim.publicKeyPem, enrolmentCode: CODE, centreCode: 'DEMO-TTHCC-01' } });
    await until(() => settings().get('central.deviceId') !== null);
    await until(() => ((host.db.prepare('SELECT MAX(cursor) FROM sync_state').pluck().get() as number | null) ?? 0) > 5, 10_000);
    expect(await status()).toMatchObject({ endpoint: sim.url, registered: true, centreCode: 'DEMO-TTHCC-01' });
  });

  it('knows the key that signs this machine\'s identity evidence: a chip-verified citizen gets the profile after consent', async () => {
    const chip = verifiedReading({ documentNumber: '192004567', personalNumber: '079192004567', fullName: 'Lê Thị Hồng Nhung', birthDate: '1992-08-20', sex: 'F', expiryDate: '2032-08-20' });
    start({ enrol: { url: sim.url, publicKeyPem: sim.publicKeyPem, enrolmentCode: CODE, centreCode: 'DEMO-TTHCC-01' }, chipSource: fixedChipSource([chip]) });
    await until(() => settings().get('central.deviceId') !== null);
    const kiosk = newSession('kiosk');
    await call(kiosk, 'citizen.open', { personalNumber: '079192004567', birthDate: '1992-08-20', source: 'typed' });
    await call(kiosk, 'identity.readChip', {});
    const decision = await call<{ profile: string }>(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: true });
    expect(decision.profile).toBe('loaded');
    const signing = loadOrCreateDeviceKey(sealedSettings(settings(), keyFileSecretStore(tmp.dir)));
    expect((await status()).keyFingerprint).toBe(keyFingerprint(signing.publicKey));
  });
});

describe('the doctor', () => {
  it('names each central problem on its own line: not registered, token unreadable, not reachable', async () => {
    start();
    await configure();
    const problems = async () => (await call<DoctorReport>(technician, 'diagnostics.doctor', {})).problems!.filter((p) => p.startsWith('central'));
    expect(await problems()).toEqual([expect.stringMatching(/not registered with the central system$/)]);
    await register();
    expect(await problems()).toEqual([]);
    // A database moved to another machine without its key file: the token cannot be opened there.
    settings().set('central.token.sealed', makeForeignSealed());
    await sim.close();
    expect(await problems()).toEqual([expect.stringMatching(/device token cannot be decrypted; register again$/), expect.stringMatching(/not reachable \(GET \/v1\/health\)$/)]);
  });
});

describe('the doctor run from the CLI on an Electron machine', () => {
  it('reports a token sealed by the app’s OS keyring as not checkable here, not as broken', async () => {
    start();
    await configure();
    settings().set('central.token.sealed', `os:${Buffer.from('opaque').toString('base64')}`);
    const doctor = await call<DoctorReport>(technician, 'diagnostics.doctor', {});
    expect(doctor.central).toMatchObject({ registered: true, tokenReadable: null });
    expect(doctor.problems!.filter((p) => p.startsWith('central'))).toEqual([]);
  });
});

function makeForeignSealed(): string {
  const elsewhere = makeTempDir('motcua-elsewhere-');
  try {
    return keyFileSecretStore(elsewhere.dir).seal('token-from-elsewhere');
  } finally {
    elsewhere.cleanup();
  }
}

describe('the kiosk signing key', () => {
  it('is kept only sealed, and a clear one from an earlier version is sealed at start and still signs', async () => {
    start();
    const clear = loadOrCreateDeviceKey(settings());
    const clearText = settings().get(PRIVATE_KEY_SETTING)!;
    await host.close();
    start();
    const sealed = settings().get(PRIVATE_KEY_SETTING)!;
    expect(sealed).toMatch(/^key-file:/);
    expect(sealed).not.toContain(clearText);
    // The print-outs keep the same key id: counters that trust this kiosk still do.
    expect((await call<{ keyId: string }>(technician, 'kiosk.publicKey', {})).keyId).toBe(clear.keyId);
  });
});

describe('the OS keyring taking over from the key file', () => {
  it('keeps the token sealed earlier with the key file readable, and seals new secrets with the keyring', async () => {
    start();
    await configure();
    await register();
    await host.close();
    // A stand-in for safeStorage: what the Electron app passes once a keyring exists.
    const keyring = osSecretStore({ encryptString: (p) => Buffer.from(p).reverse(), decryptString: (b) => Buffer.from(b).reverse().toString() });
    start({ secrets: keyring });
    expect(await testLink()).toBe('ok');
    expect(await status()).toMatchObject({ registered: true, secretStore: 'os' });
    expect(settings().get('central.token.sealed')).toMatch(/^key-file:/);
    // The machine's signing key, made at registration before the keyring existed, stays sealed with the key file and still opens.
    expect(settings().get(PRIVATE_KEY_SETTING)).toMatch(/^key-file:/);
    await call(technician, 'kiosk.publicKey', {});
    // A secret made from now on (the token of a new registration) is sealed with the keyring.
    await register(SECOND_CODE);
    expect(settings().get('central.token.sealed')).toMatch(/^os:/);
  });
});

describe('a provisioning file that cannot be applied', () => {
  it('is logged and named by the doctor, and changes nothing', async () => {
    writeFileSync(join(tmp.dir, PROVISION_FILE), JSON.stringify({ centralEndpoint: 'http://motcua.hanoi.gov.vn', role: 'kiosk', centreCode: 'HN-TTHCC-01' }));
    const logged: string[] = [];
    start({ provisioningDirs: [tmp.dir], logError: (channel) => logged.push(channel) });
    expect(logged).toEqual(['provisioning']);
    const doctor = await call<DoctorReport>(technician, 'diagnostics.doctor', {});
    expect(doctor.provisioning).toMatchObject({ status: 'invalid', path: join(tmp.dir, PROVISION_FILE) });
    expect(doctor.problems).toContainEqual(expect.stringMatching(/^provisioning: .*invalid provisioning file .*centralEndpoint: https, or http on this machine only$/));
    expect((await status()).endpoint).toBeNull();
  });
});
