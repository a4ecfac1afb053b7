import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readOnReader } from '../../drivers/smartcard/read-on-reader';
import { ERROR_MESSAGES } from '../../electron/contract';
import { PcscChipSource } from '../../electron/devices/chip-source';
import { newSession } from '../../electron/host/session';
import { hostCall, startHostWithCentral } from '../support/host-with-central';
import { pcscInspector } from '../../electron/devices/chip-readers';
import { demoTrustDir } from '../../electron/host/attached-chip-reader';
import { sourceDemoCard } from '../../electron/host/demo-card';
import { DEMO_CARD_HOLDER } from '../support/virtual-chip/demo-card';
import { runMotcua, runMotcuaWithEnv } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';
import { accessKeyOf, HOLDER, holderOf, makeTestPki, trustedCertificates, type ChipVariant, type TestPki } from '../support/virtual-chip/cards';
import { vietnameseTd1 } from '../support/virtual-chip/mrz';
import { ensurePcscd, waitForCard } from '../support/virtual-chip/pcsc-stack';
import { putCardOnReader, type CardOnReader } from '../support/virtual-chip/card-on-reader';
import { VPCD_READER, type InsertOptions } from '../support/virtual-chip/vpcd-card';

/*
 * The whole stack: the `smartcard` binding → pcscd → vpcd → the project's virtual chip on TCP 35963.
 * This file owns that port, so every test that uses it lives here and runs one after another.
 */
const TODAY = '2026-11-23';
const NOW = new Date(`${TODAY}T10:00:00+07:00`);
let pki: TestPki;
let stopPcscd: () => void;
let trustDir: { dir: string; cleanup: () => void };
let card: CardOnReader | undefined;

beforeAll(async () => {
  stopPcscd = await ensurePcscd(VPCD_READER);
  pki = makeTestPki();
  trustDir = makeTempDir('motcua-csca-');
  writeFileSync(join(trustDir.dir, 'csca.pem'), pki.csca.certificate.toString());
  writeFileSync(join(trustDir.dir, 'README.txt'), 'not a certificate');
}, 20_000);

afterEach(async () => {
  await card?.remove();
  card = undefined;
  await waitForCard(VPCD_READER, false);
});

afterAll(() => {
  trustDir.cleanup();
  stopPcscd();
});

async function insert(variant: ChipVariant, options: InsertOptions = {}): Promise<void> {
  card = await putCardOnReader(variant, pki, options);
  await waitForCard(VPCD_READER, true);
}

const keyFlags = (variant: ChipVariant) => {
  const key = accessKeyOf(holderOf(variant));
  return ['--number', key.documentNumber, '--birth', key.birthDate, '--expiry', key.expiryDate];
};

async function chipRead(...args: string[]) {
  const run = await runMotcua('chip', 'read', '--reader', VPCD_READER, '--today', TODAY, '--json', ...args);
  return { status: run.status, json: JSON.parse(run.stdout) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

describe('motcua chip over pcscd and vpcd', { timeout: 30_000 }, () => {
  it('lists the virtual readers', async () => {
    const run = await runMotcua('chip', 'readers', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, readers: expect.arrayContaining([VPCD_READER]) as unknown });
  });

  it('reads a genuine card opened with the MRZ: the name with diacritics from DG13, both authentications valid', async () => {
    await insert('genuine');
    const { status, json } = await chipRead('--mrz', vietnameseTd1(HOLDER).join('\n'), '--trust', trustDir.dir);
    expect(status).toBe(0);
    expect(json).toMatchObject({
      ok: true,
      document: { documentNumber: '099012345', personalNumber: '001099012345', fullName: 'Nguyễn Văn An', birthDate: '1999-03-15', sex: 'M', expiryDate: '2039-03-15' },
      dataGroups: [1, 13, 15],
      passiveAuth: 'valid',
      chipAuth: 'valid',
    });
  });

  it('opens a PACE card with PACE over the real stack', async () => {
    await insert('pace');
    const { status, json } = await chipRead(...keyFlags('pace'), '--trust', trustDir.dir);
    expect(status).toBe(0);
    expect(json).toMatchObject({ ok: true, accessControl: 'PACE', passiveAuth: 'valid', chipAuth: 'valid', document: { fullName: 'Nguyễn Văn An' } });
  });

  it.each([
    ['tampered-dg13', 'invalid', 'valid'],
    ['unknown-csca', 'untrusted', 'valid'],
    ['cloned', 'valid', 'invalid'],
    ['expired', 'expired', 'valid'],
  ] as const)('tells a %s card from a genuine one (passive %s, chip %s)', async (variant, passiveAuth, chipAuth) => {
    await insert(variant);
    const { status, json } = await chipRead(...keyFlags(variant), '--trust', trustDir.dir);
    expect(status).toBe(0);
    expect(json).toMatchObject({ ok: true, passiveAuth, chipAuth });
  });

  it('authenticates a chip with DG14 (Chip Authentication, 3DES after BAC) and keeps the JSON fields exact', async () => {
    await insert('chip-auth');
    const { status, json } = await chipRead(...keyFlags('chip-auth'), '--trust', trustDir.dir);
    expect(status).toBe(0);
    expect(Object.keys(json).slice(0, 5)).toEqual(['ok', 'document', 'dataGroups', 'passiveAuth', 'chipAuth']);
    expect(Object.keys(json.document as object)).toEqual(['documentNumber', 'personalNumber', 'fullName', 'birthDate', 'sex', 'expiryDate']);
    expect(json).toMatchObject({ ok: true, dataGroups: [1, 13, 14, 15], passiveAuth: 'valid', chipAuth: 'valid', authentications: { chip: 'valid', active: 'valid' }, apdus: 11 });
  });

  it('authenticates a PACE chip with Chip Authentication in AES', async () => {
    await insert('pace-chip-auth');
    const { json } = await chipRead(...keyFlags('pace-chip-auth'), '--trust', trustDir.dir);
    expect(json).toMatchObject({ ok: true, accessControl: 'PACE', passiveAuth: 'valid', chipAuth: 'valid', authentications: { chip: 'valid', active: 'valid' } });
  });

  it('reports a cloned chip calmly: read whole, passive authentication valid, both chip proofs invalid', async () => {
    await insert('cloned');
    const { status, json } = await chipRead(...keyFlags('cloned'), '--trust', trustDir.dir);
    expect(status).toBe(0);
    expect(json).toMatchObject({
      ok: true,
      document: { documentNumber: '099012345', personalNumber: '001099012345', fullName: 'Nguyễn Văn An', birthDate: '1999-03-15', sex: 'M', expiryDate: '2039-03-15' },
      dataGroups: [1, 13, 14, 15],
      passiveAuth: 'valid',
      chipAuth: 'invalid',
      authentications: { chip: 'invalid', active: 'invalid' },
    });
  });

  it('says CARD_REMOVED, with nothing half-read, for a card pulled at Chip Authentication', async () => {
    await insert('chip-auth', { removeAtApdu: 7 });
    const { status, json } = await chipRead(...keyFlags('chip-auth'), '--trust', trustDir.dir);
    expect(status).toBe(1);
    expect(json).toEqual({ ok: false, error: { code: 'CARD_REMOVED', message: expect.stringMatching(/Ông\/Bà.* \/ .*Please/) as unknown } });
  });

  it('says untrusted when no CSCA list is given', async () => {
    await insert('genuine');
    expect((await chipRead(...keyFlags('genuine'))).json).toMatchObject({ ok: true, passiveAuth: 'untrusted' });
  });

  it.each([
    ['a wrong MRZ key (the chip refuses BAC)', 'genuine', ['--number', '099012345', '--birth', '1999-03-16', '--expiry', '2039-03-15'], {}, 'ACCESS_DENIED'],
    ['a malformed answer', 'malformed-answer', keyFlags('malformed-answer'), {}, 'BAD_ANSWER'],
    ['a card pulled out mid-read', 'genuine', keyFlags('genuine'), { removeAtApdu: 6 }, 'CARD_REMOVED'],
  ] as const)('refuses calmly on %s', async (_what, variant, flags, options, code) => {
    await insert(variant, options);
    const { status, json } = await chipRead(...flags, '--trust', trustDir.dir);
    expect(status).toBe(1);
    expect(Object.keys(json)).toEqual(['ok', 'error']);
    expect(json.error?.code).toBe(code);
    expect(json.error?.message).toMatch(/Ông\/Bà.* \/ .*Please/);
  });

  it('says NO_CARD with the reader empty, NO_READER for an unknown reader or without pcscd', async () => {
    expect((await chipRead(...keyFlags('genuine'))).json.error?.code).toBe('NO_CARD');
    const unknown = await runMotcua('chip', 'read', '--reader', 'Nowhere 00', ...keyFlags('genuine'), '--json');
    expect(JSON.parse(unknown.stdout).error.code).toBe('NO_READER');
    const noService = await runMotcuaWithEnv({ PCSCLITE_CSOCK_NAME: '/nonexistent/pcscd.comm' }, 'chip', 'readers', '--json');
    expect(noService.status).toBe(1);
    expect(JSON.parse(noService.stdout).error.code).toBe('NO_READER');
  });

  it('reads through the driver API in one APDU per file with extended length', async () => {
    await insert('genuine');
    const { reading, apdus } = await readOnReader(VPCD_READER, accessKeyOf(HOLDER), { cscas: trustedCertificates(pki), now: NOW, today: TODAY });
    expect(reading.passiveAuth).toBe('valid');
    expect(apdus).toBe(9);
    expect(await card?.remove()).toBe(9);
  });

  it('serves the host through PcscChipSource: readers, status, and a verified read with DG13 details', async () => {
    const source = new PcscChipSource({ readerName: () => VPCD_READER, trustDir: trustDir.dir, clock: () => NOW, today: () => TODAY });
    expect(await source.status()).toEqual({ ok: true, readers: expect.arrayContaining([VPCD_READER]) as unknown });
    await expect(source.read(accessKeyOf(HOLDER))).rejects.toMatchObject({ code: 'NO_CARD' });
    await insert('genuine');
    const reading = await source.read(accessKeyOf(HOLDER));
    expect(reading).toMatchObject({ passiveAuth: 'valid', chipAuth: 'valid', document: { fullName: 'Nguyễn Văn An' }, personalData: { placeOfOrigin: 'Xã Đông Hội, Huyện Đông Anh, Hà Nội' } });
    const missing = new PcscChipSource({ readerName: () => 'Nowhere 00', trustDir: trustDir.dir, clock: () => NOW, today: () => TODAY });
    await expect(missing.read(accessKeyOf(HOLDER))).rejects.toMatchObject({ code: 'NO_READER' });
  });

  it('shows the officer the face on the chip as a JPEG data URL, and says calmly when it is JPEG 2000', async () => {
    const chipSource = new PcscChipSource({ readerName: () => VPCD_READER, trustDir: trustDir.dir, clock: () => NOW, today: () => TODAY });
    const running = await startHostWithCentral('chip-face', { chipSource });
    try {
      const call = hostCall(() => running.host);
      const officer = newSession('officer');
      await call(officer, 'citizen.open', { personalNumber: HOLDER.personalNumber, birthDate: HOLDER.birthDate, source: 'typed' });
      await insert('chip-auth');
      const face = await call<{ format: string; image: string }>(officer, 'identity.chipFace', { expiryDate: HOLDER.expiryDate });
      expect(face.format).toBe('jpeg');
      const [prefix, base64] = face.image.split(',');
      expect(prefix).toBe('data:image/jpeg;base64');
      expect(Buffer.from(base64!, 'base64').equals(readFileSync(join(__dirname, '../fixtures/chip/face.jpg')))).toBe(true);
      await card?.remove();
      await waitForCard(VPCD_READER, false);
      await insert('pace-chip-auth');
      await expect(call(officer, 'identity.chipFace', { expiryDate: HOLDER.expiryDate })).rejects.toMatchObject({ data: { code: 'CHIP_FACE_JPEG2000', message: ERROR_MESSAGES.CHIP_FACE_JPEG2000 } });
    } finally {
      await running.close();
    }
  });

  it('prints its own help', async () => {
    const run = await runMotcua('chip', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('motcua chip read --reader NAME');
  });
});

describe('the demo card over pcscd and vpcd (demo mode)', { timeout: 30_000 }, () => {
  const demoCard = sourceDemoCard(process.cwd())!;
  const demoKey = { documentNumber: DEMO_CARD_HOLDER.personalNumber.slice(3), birthDate: DEMO_CARD_HOLDER.birthDate, expiryDate: DEMO_CARD_HOLDER.expiryDate };
  const reader = (name: string) => pcscInspector.status().then((s) => (s.service === 'ok' ? s.readers.find((r) => r.name === name) : undefined));
  afterEach(() => demoCard.remove());

  it('is put on the reader and taken off again, as the technician panel sees it, and answers a live test as an eMRTD', async () => {
    expect(await demoCard.put()).toBe(true);
    await waitForCard(VPCD_READER, true);
    expect(await reader(VPCD_READER)).toEqual({ name: VPCD_READER, cardPresent: true });
    const probe = await pcscInspector.probe(VPCD_READER);
    expect(probe).toMatchObject({ selectStatus: '9000', emrtd: true });
    expect(probe.atr).toMatch(/^3B[0-9A-F]+$/);
    await demoCard.remove();
    await waitForCard(VPCD_READER, false);
    expect(await reader(VPCD_READER)).toEqual({ name: VPCD_READER, cardPresent: false });
    await expect(pcscInspector.probe(VPCD_READER)).rejects.toMatchObject({ code: 'NO_CARD' });
  });

  it('reads valid under the shipped demo CSCA, and untrusted without it', async () => {
    await demoCard.put();
    await waitForCard(VPCD_READER, true);
    const empty = makeTempDir('motcua-no-csca-');
    try {
      const demo = new PcscChipSource({ readerName: () => VPCD_READER, trustDir: empty.dir, demoTrustDir: demoTrustDir(process.cwd()), clock: () => NOW, today: () => TODAY });
      expect(await demo.read(demoKey)).toMatchObject({
        passiveAuth: 'valid',
        chipAuth: 'valid',
        document: { personalNumber: '079192004567', fullName: 'Lê Thị Hồng Nhung', birthDate: '1992-08-20' },
      });
      const production = new PcscChipSource({ readerName: () => VPCD_READER, trustDir: empty.dir, clock: () => NOW, today: () => TODAY });
      expect((await production.read(demoKey)).passiveAuth).toBe('untrusted');
    } finally {
      empty.cleanup();
    }
  });
});
