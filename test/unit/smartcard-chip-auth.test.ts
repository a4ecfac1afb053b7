import { createECDH, generateKeyPairSync, getDiffieHellman, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ephemeralAgreement } from '../../drivers/smartcard/chip-auth';
import { ChipError } from '../../drivers/smartcard/chip-error';
import { DerError, tlv } from '../../drivers/smartcard/der';
import { CA_ECDH_3DES, CA_ECDH_AES_128, chipAuthenticationOffer, PK_DH, PK_ECDH } from '../../drivers/smartcard/dg14';
import { EF_COM_SFI, EF_SOD_SFI } from '../../drivers/smartcard/lds-tags';
import { readChip } from '../../drivers/smartcard/read-chip';
import { accessKeyOf, DETAILS, HOLDER, makeTestPki, trustedCertificates, virtualCard, type ChipVariant, type TestPki } from '../support/virtual-chip/cards';
import { VirtualChip } from '../support/virtual-chip/chip';
import { derInteger, oid, sequence, set } from '../support/virtual-chip/der-encode';
import { inProcessChannel } from '../support/virtual-chip/in-process-channel';
import { dg1, dg13, dg14, efCom, efSod } from '../support/virtual-chip/lds-files';

const NOW = new Date('2026-11-23T03:00:00Z');
const TODAY = '2026-11-23';
let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

const options = () => ({ cscas: trustedCertificates(pki), now: NOW, today: TODAY });
const readCard = (chip: VirtualChip, removeAfter = Infinity) => {
  const channel = inProcessChannel(chip, removeAfter);
  return readChip(channel, accessKeyOf(HOLDER), options()).then((result) => ({ ...result, sent: channel.apdus }));
};
const read = (variant: ChipVariant) => readCard(virtualCard(variant, pki));
/** The instruction bytes (CLA masked) of the APDUs sent, to see the protocol's steps. */
const instructions = (apdus: Buffer[]) => apdus.map((apdu) => `${apdu[1]!.toString(16)}${apdu[1] === 0x22 ? `:${apdu[2]!.toString(16)}${apdu[3]!.toString(16)}` : ''}`);

describe('Chip Authentication (DG14) over the virtual chip, in process', () => {
  it('authenticates a genuine chip with 3DES after BAC and reads DG1, DG13 and DG15 under the new keys', async () => {
    const { reading, apdus, sent } = await read('chip-auth');
    expect(reading).toMatchObject({ passiveAuth: 'valid', chipAuth: 'valid', authentications: { chip: 'valid', active: 'valid' }, accessControl: 'BAC', document: { fullName: 'Nguyễn Văn An' } });
    expect(reading.dataGroups).toEqual([1, 13, 14, 15]);
    // EF.CardAccess, SELECT, GET CHALLENGE, EXTERNAL AUTHENTICATE, SOD, DG14, MSE:Set KAT, DG1, DG13, DG15, INTERNAL AUTHENTICATE.
    expect(instructions(sent)).toEqual(['b0', 'a4', '84', '82', 'b0', 'b0', '22:41a6', 'b0', 'b0', 'b0', '88']);
    expect(apdus).toBe(11);
  });

  it('authenticates a PACE chip with AES: MSE:Set AT naming the protocol, then General Authenticate', async () => {
    const { reading, sent } = await read('pace-chip-auth');
    expect(reading).toMatchObject({ passiveAuth: 'valid', chipAuth: 'valid', authentications: { chip: 'valid', active: 'valid' }, accessControl: 'PACE' });
    expect(instructions(sent).slice(7)).toEqual(['b0', 'b0', '22:41a4', '86', 'b0', 'b0', 'b0', '88']);
  });

  it('tells a cloned chip (DG14 copied, private key not): invalid, yet the card is read whole and passive authentication holds', async () => {
    const { reading, sent } = await read('cloned');
    expect(reading).toMatchObject({ passiveAuth: 'valid', chipAuth: 'invalid', authentications: { chip: 'invalid', active: 'invalid' } });
    expect(reading.document).toEqual({ documentNumber: '099012345', personalNumber: '001099012345', fullName: 'Nguyễn Văn An', birthDate: '1999-03-15', sex: 'M', expiryDate: '2039-03-15' });
    expect(reading.dataGroups).toEqual([1, 13, 14, 15]);
    // Two tries of Chip Authentication, each refused at the first read under the new keys, then BAC once more.
    expect(instructions(sent).filter((i) => i === '22:41a6')).toHaveLength(2);
    expect(instructions(sent).filter((i) => i === '82')).toHaveLength(3);
  });

  it('does not run Chip Authentication with a DG14 the SOD does not sign (a copy bringing its own key)', async () => {
    const { reading, sent } = await read('forged-dg14');
    expect(reading).toMatchObject({ passiveAuth: 'invalid', chipAuth: 'invalid', authentications: { chip: 'invalid', active: 'valid' } });
    expect(instructions(sent)).not.toContain('22:41a6');
  });

  it('counts Active Authentication alone when there is no DG14, and says absent when the chip offers neither', async () => {
    expect((await read('genuine')).reading).toMatchObject({ chipAuth: 'valid', authentications: { chip: 'absent', active: 'valid' } });
    const groups = new Map([[1, dg1(HOLDER)], [13, dg13(HOLDER, DETAILS)]]);
    const files = new Map<number, Buffer>([[EF_COM_SFI, efCom([1, 13])], [EF_SOD_SFI, efSod(groups, pki.documentSigner, pki.csca)], ...groups]);
    const bare = new VirtualChip({ accessKey: accessKeyOf(HOLDER), files, extendedLength: true });
    expect((await readCard(bare)).reading).toMatchObject({ passiveAuth: 'valid', chipAuth: 'absent', authentications: { chip: 'absent', active: 'absent' } });
  });

  it.each([6, 7, 8])('reports a card pulled after %i APDUs around Chip Authentication as CARD_REMOVED, not as a copy', async (after) => {
    const error = await readCard(virtualCard('chip-auth', pki), after).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ChipError);
    expect((error as ChipError).code).toBe('CARD_REMOVED');
  });
});

describe('DG14 and the key agreement', () => {
  const p256 = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

  it('reads the explicit P-256 parameters real chips carry, and agrees the secret node:crypto computes on the chip side', () => {
    const { publicKey, privateKey } = p256();
    const offer = chipAuthenticationOffer(dg14(publicKey, CA_ECDH_AES_128));
    expect(offer).toMatchObject({ protocol: CA_ECDH_AES_128, cipher: 'AES-128', keyId: undefined, publicKey: { agreement: 'ECDH' } });
    const chip = createECDH('prime256v1');
    chip.setPrivateKey(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
    const { ownPublic, secret } = ephemeralAgreement(offer!.publicKey, randomBytes);
    expect(secret.equals(chip.computeSecret(ownPublic))).toBe(true);
  });

  it('takes a named curve (id-ecPublicKey) and, with no ChipAuthenticationInfo, assumes 3DES; keeps the keyId', () => {
    const spki = p256().publicKey.export({ type: 'spki', format: 'der' });
    const offer = chipAuthenticationOffer(tlv(0x6e, set(sequence(oid(PK_ECDH), spki, derInteger(7)))));
    expect(offer).toMatchObject({ protocol: CA_ECDH_3DES, cipher: '3DES', keyId: Buffer.from([7]) });
  });

  it('agrees a DH secret with a chip whose DG14 holds a DH key (id-PK-DH, 2048-bit MODP group)', () => {
    const chip = getDiffieHellman('modp14');
    chip.generateKeys();
    const parameters = sequence(derInteger(chip.getPrime()), derInteger(chip.getGenerator()));
    const spki = sequence(sequence(oid(PK_DH), parameters), tlv(0x03, Buffer.from([0]), derInteger(chip.getPublicKey())));
    const offer = chipAuthenticationOffer(tlv(0x6e, set(sequence(oid('0.4.0.127.0.7.2.2.3.1.2'), derInteger(1)), sequence(oid(PK_DH), spki))));
    expect(offer).toMatchObject({ cipher: 'AES-128', publicKey: { agreement: 'DH' } });
    const { ownPublic, secret } = ephemeralAgreement(offer!.publicKey, randomBytes);
    expect(secret.equals(chip.computeSecret(ownPublic))).toBe(true);
  });

  it('offers nothing without a public key, and refuses an unknown curve or a point off the curve with a DerError', () => {
    expect(chipAuthenticationOffer(tlv(0x6e, set(sequence(oid(CA_ECDH_3DES), derInteger(1)))))).toBeUndefined();
    const secp384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'der' });
    expect(() => chipAuthenticationOffer(tlv(0x6e, set(sequence(oid(PK_ECDH), secp384))))).toThrow(DerError);
    const bent = Buffer.from(dg14(p256().publicKey, CA_ECDH_3DES));
    bent.writeUInt8(bent.readUInt8(bent.length - 1) ^ 1, bent.length - 1);
    expect(() => chipAuthenticationOffer(bent)).toThrow(DerError);
  });

  it('refuses any damaged DG14 with a DerError or reads an offer from it, nothing else', () => {
    const sample = dg14(p256().publicKey, CA_ECDH_3DES);
    fc.assert(fc.property(fc.nat(sample.length - 1), fc.nat(255), (at, value) => {
      const bytes = Buffer.from(sample);
      bytes[at] = value;
      try {
        const offer = chipAuthenticationOffer(bytes);
        return offer === undefined || ['3DES', 'AES-128', 'AES-192', 'AES-256'].includes(offer.cipher);
      } catch (error) {
        return error instanceof DerError;
      }
    }), { numRuns: 300 });
  });
});
