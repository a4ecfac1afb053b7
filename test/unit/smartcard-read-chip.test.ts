import { beforeAll, describe, expect, it } from 'vitest';
import { ChipError } from '../../drivers/smartcard/chip-error';
import { readChip } from '../../drivers/smartcard/read-chip';
import { accessKeyOf, HOLDER, makeTestPki, trustedCertificates, virtualCard, type TestPki } from '../support/virtual-chip/cards';
import { inProcessChannel } from '../support/virtual-chip/in-process-channel';

const NOW = new Date('2026-11-23T03:00:00Z');
const TODAY = '2026-11-23';
let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

const options = () => ({ cscas: trustedCertificates(pki), now: NOW, today: TODAY });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ChipError)) throw new Error(`expected a ChipError, got ${String(error)}`);
  return error.code;
}

describe('readChip over the virtual chip (in process)', () => {
  it('reads a genuine card: DG1 + DG13 + DG15, passive and active authentication valid', async () => {
    const { reading, apdus } = await readChip(inProcessChannel(virtualCard('genuine', pki)), accessKeyOf(HOLDER), options());
    expect(reading.document).toEqual({ documentNumber: '099012345', personalNumber: '001099012345', fullName: 'Nguyễn Văn An', birthDate: '1999-03-15', sex: 'M', expiryDate: '2039-03-15' });
    expect(reading.dataGroups).toEqual([1, 13, 15]);
    expect(reading.passiveAuth).toBe('valid');
    expect(reading.chipAuth).toBe('valid');
    expect(reading.personalData).toMatchObject({ fatherName: 'Nguyễn Văn Bình', motherName: 'Trần Thị Cúc', oldIdNumber: '013456789', ethnicity: 'Kinh', issueDate: '2024-04-02' });
    expect(Object.keys(reading.dataGroupHashes)).toEqual(['1', '13', '15']);
    // EF.CardAccess (none), SELECT, GET CHALLENGE, EXTERNAL AUTHENTICATE, one READ BINARY per file (SOD, DG1, DG13, DG15), INTERNAL AUTHENTICATE.
    expect(apdus).toBe(9);
    expect(reading.accessControl).toBe('BAC');
  });

  it('opens a chip that offers PACE with PACE (P-256, AES secure messaging), with the same result', async () => {
    const { reading, apdus } = await readChip(inProcessChannel(virtualCard('pace', pki)), accessKeyOf(HOLDER), options());
    expect(reading).toMatchObject({ accessControl: 'PACE', passiveAuth: 'valid', chipAuth: 'valid', document: { fullName: 'Nguyễn Văn An' } });
    // EF.CardAccess, MSE:Set AT, four General Authenticate, SELECT, then the reads as with BAC.
    expect(apdus).toBe(12);
  });

  it('is refused access by a PACE chip with a wrong MRZ key (the chip refuses our token)', async () => {
    const key = { ...accessKeyOf(HOLDER), expiryDate: '2039-03-16' };
    expect(await refusal(readChip(inProcessChannel(virtualCard('pace', pki)), key, options()))).toBe('ACCESS_DENIED');
  });

  it('reads in chunks when the chip does not offer extended length, with the same result', async () => {
    const { reading, apdus } = await readChip(inProcessChannel(virtualCard('no-extended-length', pki)), accessKeyOf(HOLDER), options());
    expect(reading.passiveAuth).toBe('valid');
    expect(reading.document.fullName).toBe('Nguyễn Văn An');
    expect(apdus).toBeGreaterThan(9);
  });

  it.each([
    ['tampered-dg13', 'invalid', 'valid'],
    ['unknown-csca', 'untrusted', 'valid'],
    ['cloned', 'valid', 'invalid'],
    ['expired', 'expired', 'valid'],
  ] as const)('tells a %s card: passive %s, chip %s', async (variant, passive, chip) => {
    const card = virtualCard(variant, pki);
    const key = variant === 'expired' ? { ...accessKeyOf(HOLDER), expiryDate: '2024-03-15' } : accessKeyOf(HOLDER);
    const { reading } = await readChip(inProcessChannel(card), key, options());
    expect([reading.passiveAuth, reading.chipAuth]).toEqual([passive, chip]);
  });

  it('is untrusted when no CSCA is installed', async () => {
    const { reading } = await readChip(inProcessChannel(virtualCard('genuine', pki)), accessKeyOf(HOLDER), { ...options(), cscas: [] });
    expect(reading.passiveAuth).toBe('untrusted');
  });

  it('is refused access with a wrong MRZ key (the chip refuses BAC)', async () => {
    const key = { ...accessKeyOf(HOLDER), birthDate: '1999-03-16' };
    expect(await refusal(readChip(inProcessChannel(virtualCard('genuine', pki)), key, options()))).toBe('ACCESS_DENIED');
  });

  it('does not take "no DG15" for an answer when the SOD lists it (a copy hiding its missing key)', async () => {
    const channel = inProcessChannel(virtualCard('cloned', pki));
    const transmit = channel.transmit;
    // READ BINARY of SFI 0x0F refused with a bare "file not found".
    channel.transmit = async (apdu) => (apdu[1] === 0xb0 && apdu[2] === 0x8f ? Buffer.from([0x6a, 0x82]) : transmit(apdu));
    expect(await refusal(readChip(channel, accessKeyOf(HOLDER), options()))).toBe('BAD_ANSWER');
  });

  it('reports a malformed answer as BAD_ANSWER', async () => {
    expect(await refusal(readChip(inProcessChannel(virtualCard('malformed-answer', pki)), accessKeyOf(HOLDER), options()))).toBe('BAD_ANSWER');
  });

  it.each([1, 3, 5, 8])('reports a card pulled after %i APDUs as CARD_REMOVED', async (after) => {
    expect(await refusal(readChip(inProcessChannel(virtualCard('genuine', pki), after), accessKeyOf(HOLDER), options()))).toBe('CARD_REMOVED');
  });
});
