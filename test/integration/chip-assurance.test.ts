/**
 * The chip level in the host, over the ChipSource port (the PC/SC reader in production, fixed
 * readings here): only a chip whose passive authentication is valid, and which is not shown to
 * be a copy, becomes `chip` evidence; every other outcome is a calm bilingual refusal that leaves
 * the turn's level as it was. The centre checks the evidence again on its side.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../electron/contract';
import { newSession } from '../../electron/host/session';
import { EVIDENCE_HEADER, EVIDENCE_SIGNATURE_HEADER } from '../../electron/security/identity-evidence';
import { DEMO_MOTHER as MOTHER, hostCall, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { fixedChipSource, MOTHER_CHIP, verifiedReading } from '../support/test-chip-source';
import type { ChipReading } from '../../drivers/smartcard/chip-reading';

let running: HostWithCentral | undefined;
afterEach(() => running?.close());

async function withCard(card: ChipReading | Error) {
  const source = card instanceof Error ? { keys: [], read: async () => Promise.reject(card) } : fixedChipSource([card]);
  running = await startHostWithCentral('chip', { chipSource: source });
  const host = running.host;
  const call = hostCall(() => host);
  const session = newSession('kiosk');
  await call(session, 'citizen.open', MOTHER);
  return { call, session, source };
}

describe('the chip level', () => {
  it('opens the chip with the key from the QR\'s dates (document number, birth date, expiry by the renewal rule)', async () => {
    const { call, session, source } = await withCard(MOTHER_CHIP);
    await call(session, 'identity.readChip', {});
    expect(source.keys).toEqual([{ documentNumber: '199012345', birthDate: '1999-05-01', expiryDate: '2024-05-01' }]);
  });

  it.each([
    ['invalid', { passiveAuth: 'invalid' as const }],
    ['untrusted', { passiveAuth: 'untrusted' as const }],
    ['expired', { passiveAuth: 'expired' as const }],
    ['a copied chip', { chipAuth: 'invalid' as const }],
  ])('%s: refused calmly in both languages, the turn stays card-only', async (_name, overrides) => {
    const { call, session } = await withCard({ ...MOTHER_CHIP, ...overrides });
    await expect(call(session, 'identity.readChip', {})).rejects.toMatchObject({ data: { code: 'CHIP_NOT_VERIFIED', message: ERROR_MESSAGES.CHIP_NOT_VERIFIED } });
    expect(await call(session, 'consent.decide', { purpose: 'proactive-services', accept: true })).toMatchObject({ profile: 'insufficient' });
  });

  it('a chip without chip or active authentication but with valid passive authentication is chip evidence', async () => {
    const { call, session } = await withCard({ ...MOTHER_CHIP, chipAuth: 'absent' });
    expect(await call(session, 'identity.readChip', {})).toMatchObject({ assurance: 'chip' });
    expect(await call(session, 'consent.decide', { purpose: 'proactive-services', accept: true })).toMatchObject({ profile: 'loaded' });
  });

  it('another person\'s card on the reader is refused', async () => {
    const other = verifiedReading({ ...MOTHER_CHIP.document, personalNumber: '079199054321' });
    const { call, session } = await withCard(other);
    await expect(call(session, 'identity.readChip', {})).rejects.toMatchObject({ data: { code: 'CHIP_OTHER_PERSON' } });
  });

  it('a card pulled out, or a key the chip refuses: a calm message to lay the card still', async () => {
    const { call, session } = await withCard(new Error('CARD_REMOVED'));
    await expect(call(session, 'identity.readChip', {})).rejects.toMatchObject({ data: { code: 'CHIP_READ_FAILED', message: { vi: expect.stringContaining('đặt thẻ nằm yên') } } });
  });
});

describe('the centre decides on chip evidence too', () => {
  it('refuses evidence whose passive authentication is not valid, even signed by the device', async () => {
    running = await startHostWithCentral('chip-centre');
    const { sim } = running;
    const key = generateKeyPairSync('ed25519');
    const ask = async (chip: Record<string, unknown>) => {
      const body = Buffer.from(
        JSON.stringify({ level: 'chip', personalNumber: MOTHER.personalNumber, birthDate: MOTHER.birthDate, issuedAt: new Date().toISOString(), publicKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64url'), chip }),
      );
      const headers = { authorization: `Bearer ${sim.token}`, 'x-consent-token': 'c', [EVIDENCE_HEADER]: body.toString('base64url'), [EVIDENCE_SIGNATURE_HEADER]: sign(null, body, key.privateKey).toString('base64url') };
      const res = await fetch(`${sim.url}/v1/citizens/${MOTHER.personalNumber}?purpose=proactive-services`, { headers });
      return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
    };
    const chip = { documentNumber: '199012345', dataGroupHashes: { 1: 'a'.repeat(64), 13: 'b'.repeat(64) }, passiveAuth: 'valid', chipAuth: 'valid' };
    expect((await ask(chip)).status).toBe(200);
    expect(await ask({ ...chip, passiveAuth: 'untrusted' })).toMatchObject({ status: 403, body: { error: { code: 'assurance-too-low' } } });
    expect(await ask({ ...chip, chipAuth: 'invalid' })).toMatchObject({ status: 403, body: { error: { code: 'assurance-too-low' } } });
    expect(await ask({ ...chip, dataGroupHashes: { 1: 'a'.repeat(64) } })).toMatchObject({ status: 403, body: { error: { code: 'assurance-too-low' } } });
  });
});
