import assert from 'node:assert/strict';
import fc from 'fast-check';
import { activeAuthenticationHolds } from '../../drivers/smartcard/active-auth';
import { PACE_P256, paceInfos, supportedPace } from '../../drivers/smartcard/card-access';
import { ChipError } from '../../drivers/smartcard/chip-error';
import { decodePoint, P256 } from '../../drivers/smartcard/ec-point';
import type { ChipReading } from '../../drivers/smartcard/chip-reading';
import { DerError } from '../../drivers/smartcard/der';
import { chipAuthenticationOffer } from '../../drivers/smartcard/dg14';
import { parseDg1 } from '../../drivers/smartcard/dg1';
import { parseDg13 } from '../../drivers/smartcard/dg13-vietnam';
import { EF_COM_SFI, EF_SOD_SFI } from '../../drivers/smartcard/lds-tags';
import { passiveAuthentication } from '../../drivers/smartcard/passive-auth';
import { readChip, readFace } from '../../drivers/smartcard/read-chip';
import { faceImageOf, type FaceImage } from '../../drivers/smartcard/dg2-face';
import { SecureMessaging, SecureMessagingError } from '../../drivers/smartcard/secure-messaging';
import { aesCipher, tripleDesCipher } from '../../drivers/smartcard/sm-cipher';
import { parseSod } from '../../drivers/smartcard/sod';
import { accessKeyOf, HOLDER, makeTestPki, virtualCard } from '../support/virtual-chip/cards';
import type { VirtualChip } from '../support/virtual-chip/chip';
import { inProcessChannel } from '../support/virtual-chip/in-process-channel';
import { fuzzTarget, once, onlyThrows } from './fuzz-target';
import { mutatedBytes } from './mutate';
import { TODAY } from './samples';

const NOW = new Date(`${TODAY}T03:00:00Z`);
const CODES = ['NO_READER', 'NO_CARD', 'ACCESS_DENIED', 'CARD_REMOVED', 'BAD_ANSWER'];

/** One genuine test card, made once: its files are the samples, its chip the fuzzed reader's partner. */
const sample = once(() => {
  const pki = makeTestPki();
  const chip = virtualCard('genuine', pki);
  const paceChip = virtualCard('pace', pki);
  const chipAuthChips = { '3DES': virtualCard('chip-auth', pki), AES: virtualCard('pace-chip-auth', pki) };
  return { pki, chip, paceChip, chipAuthChips, files: paceChip.contents.files };
});

const bytes = (samples: () => Buffer[]) => fc.oneof(mutatedBytes(samples()), fc.uint8Array({ maxLength: 300 })).map((b) => Buffer.from(b));

/** A chip whose answers are damaged: which answer, and how (a byte flipped or set, the answer cut). */
// One run in twenty against the PACE card: its elliptic-curve steps cost some 100 ms a read; as rarely
// against the cards with Chip Authentication (3DES after BAC, AES after PACE).
const damage = fc.record({
  card: fc.oneof(
    { arbitrary: fc.constant('genuine' as const), weight: 17 },
    { arbitrary: fc.constant('pace' as const), weight: 1 },
    { arbitrary: fc.constant('3DES' as const), weight: 1 },
    { arbitrary: fc.constant('AES' as const), weight: 1 },
  ),
  answer: fc.nat({ max: 16 }),
  at: fc.nat(),
  value: fc.nat({ max: 255 }),
  kind: fc.constantFrom('flip', 'set', 'cut'),
});

function damagedChannel(chip: VirtualChip, d: typeof damage extends fc.Arbitrary<infer T> ? T : never) {
  const channel = inProcessChannel(chip);
  let answers = 0;
  return {
    ...channel,
    transmit: async (apdu: Buffer) => {
      const answer = Buffer.from(await channel.transmit(apdu));
      if (answers++ !== d.answer || answer.length === 0) return answer;
      const i = d.at % answer.length;
      if (d.kind === 'cut') return answer.subarray(0, i);
      answer[i] = d.kind === 'flip' ? answer[i]! ^ (1 << (d.value % 8)) : d.value;
      return answer;
    },
  };
}

/** What a parser made of the bytes, or undefined when it refused them with a DerError (anything else fails). */
function parsedOrRefused<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DerError) return undefined;
    throw error;
  }
}

export const CHIP_TARGETS = [
  fuzzTarget({
    name: 'smartcard: secure-messaging answers (3DES after BAC, AES after PACE)',
    covers: ['SecureMessaging', 'SecureMessagingError', 'tripleDesCipher', 'aesCipher', 'aesCbc', 'aesEncryptBlock', 'aesCmac'],
    inputs: () => fc.tuple(fc.boolean(), fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.oneof(fc.uint8Array({ maxLength: 80 }), fc.constant(Uint8Array.from([0x99, 2, 0x90, 0, 0x8e, 8, 1, 2, 3, 4, 5, 6, 7, 8])))),
    check: ([useAes, key, data]) => {
      const keys = { encKey: Buffer.from(key), macKey: Buffer.from(key).reverse() };
      const sm = new SecureMessaging(useAes ? aesCipher(keys) : tripleDesCipher(keys), Buffer.alloc(useAes ? 16 : 8));
      sm.wrap({ cla: 0, ins: 0xb0, p1: 0x81, p2: 0, ne: 256 }, false);
      // Random bytes never carry the right MAC: every one is refused, and only as a secure-messaging error.
      assert.throws(() => sm.unwrap({ data: Buffer.from(data), sw: 0x9000 }), SecureMessagingError);
    },
  }),
  fuzzTarget({
    name: 'smartcard: LDS files from the chip (DG1, DG2, DG13, DG14, EF.SOD, DG15) and passive authentication',
    covers: ['dg1MrzText', 'parseDg1', 'parseDg13', 'dg13Date', 'parseSod', 'hashName', 'passiveAuthentication', 'dataGroupsMatch',
      'activeAuthenticationKey', 'activeAuthenticationHolds', 'paceInfos', 'supportedPace', 'chipAuthenticationOffer', 'faceImageOf', 'decodePoint', 'readTlv', 'readAll', 'expectTlv', 'children', 'childAt', 'oidText', 'smallInteger', 'encodedSize', 'DerError'],
    inputs: () => bytes(() => [...sample().files.values(), ...sample().chipAuthChips['3DES'].contents.files.values()]),
    check: (file) => {
      const dg1 = parsedOrRefused(() => parseDg1(file, TODAY));
      if (dg1 !== undefined) assert.match(dg1.birthDate, /^\d{4}-\d{2}-\d{2}$/);
      const dg13 = parsedOrRefused(() => parseDg13(file));
      if (dg13 !== undefined) assert.match(dg13.personalNumber, /^\d{12}$/);
      assert.equal(typeof activeAuthenticationHolds(file, Buffer.alloc(8), file), 'boolean');
      const face = parsedOrRefused(() => faceImageOf(file));
      if (face !== undefined) assert.ok(['jpeg', 'jpeg2000'].includes(face.format) && face.image.length > 0);
      const chipAuthentication = parsedOrRefused(() => chipAuthenticationOffer(file));
      if (chipAuthentication !== undefined) assert.ok(['3DES', 'AES-128', 'AES-192', 'AES-256'].includes(chipAuthentication.cipher));
      const offered = parsedOrRefused(() => paceInfos(file));
      if (offered !== undefined) assert.ok(supportedPace(offered) === undefined || supportedPace(offered)?.parameterId === PACE_P256);
      try {
        assert.ok(decodePoint(P256, file) !== null);
      } catch (error) {
        assert.ok(error instanceof RangeError);
      }
      const sod = parsedOrRefused(() => parseSod(file));
      if (sod !== undefined) {
        const { files, pki } = sample();
        const dataGroups = new Map([...files].filter(([sfi]) => sfi !== EF_COM_SFI && sfi !== EF_SOD_SFI));
        assert.ok(['valid', 'invalid', 'untrusted', 'expired'].includes(passiveAuthentication(sod, dataGroups, [pki.csca.certificate], NOW)));
      }
    },
  }),
  fuzzTarget({
    name: 'smartcard: readChip against a chip whose answers are damaged (PACE, BAC, secure messaging, Chip Authentication, reads)',
    covers: ['readChip', 'ApduSession', 'incrementSsc', 'basicAccessControl', 'ChipError', 'atrOffersExtendedLength',
      'encodeCommand', 'splitResponse', 'needsExtended', 'leBytes', 'pad', 'unpad', 'retailMac', 'encrypt3des', 'decrypt3des', 'deriveKey', 'sessionKeysFromSeed',
      'bacKeys', 'mrzInformation', 'mrzDocumentNumber', 'tlv', 'paceAccess', 'passwordKey', 'paceKdf', 'paceToken', 'add', 'multiply', 'encodePoint', 'toBigInt', 'toBytes',
      'chipAuthentication', 'ephemeralAgreement', 'chipAuthenticationSession', 'aesKdf', 'oidBytes', 'SessionKeysDiffer', 'readFace'],
    inputs: () => damage,
    check: async (d) => {
      const { chip, paceChip, chipAuthChips, pki } = sample();
      const card = d.card === 'genuine' ? chip : d.card === 'pace' ? paceChip : chipAuthChips[d.card];
      let reading;
      const error = await onlyThrows(async () => (reading = (await readChip(damagedChannel(card, d), accessKeyOf(HOLDER), { cscas: [pki.csca.certificate], now: NOW, today: TODAY })).reading), (e) => e instanceof ChipError);
      if (error instanceof ChipError) assert.ok(CODES.includes(error.code) && error.message.includes(' / '));
      // A damaged answer is refused or, where the damage was in bytes nobody checks (a status word's
      // second byte on an error path), the reading is whole and verified.
      else assert.ok(reading !== undefined && ['valid', 'invalid'].includes((reading as ChipReading).passiveAuth));
      if (d.card !== '3DES') return;
      // The face the officer asks for: refused with a ChipError, or the JPEG the SOD signs.
      let face;
      const faceError = await onlyThrows(async () => (face = await readFace(damagedChannel(card, d), accessKeyOf(HOLDER))), (e) => e instanceof ChipError);
      if (faceError === undefined) assert.equal((face as FaceImage | undefined)?.format, 'jpeg');
    },
  }),
];
