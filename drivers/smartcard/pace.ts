import { createHash, randomBytes } from 'node:crypto';
import { mrzInformation } from './bac-key';
import type { BacOutcome, PlainExchange } from './bac';
import type { ChipAccessKey } from './chip-reading';
import { children, expectTlv, tlv } from './der';
import { add, decodePoint, encodePoint, multiply, P256, toBigInt, toBytes } from './ec-point';
import { SecureMessaging } from './secure-messaging';
import { aesCbc, aesCipher, aesCmac } from './sm-cipher';
import { aesKdf } from './sm-crypto';

/** The content bytes of id-PACE-ECDH-GM-AES-CBC-CMAC-128 (0.4.0.127.0.7.2.2.4.2.2). */
const OID_VALUE = Buffer.from('04007f00070202040202', 'hex');

/** Doc 9303 Part 11 §9.7.3: KDF(K, c) = SHA-1(K ‖ c), cut to the AES-128 key length. */
export const paceKdf = (secret: Buffer, counter: 1 | 2 | 3): Buffer => aesKdf(secret, counter, 16);

/** K_π: the MRZ password is SHA-1 of the MRZ information (§9.7.3), then KDF counter 3. */
export const passwordKey = (key: ChipAccessKey): Buffer => paceKdf(createHash('sha1').update(mrzInformation(key), 'ascii').digest(), 3);

/** The authentication token: CMAC over the other side's public key in a '7F49' object (§4.4.3.4). */
export const paceToken = (macKey: Buffer, publicKey: Buffer): Buffer =>
  aesCmac(macKey, tlv(0x7f49, tlv(0x06, OID_VALUE), tlv(0x86, publicKey))).subarray(0, 8);

/** The one data object a General Authenticate answer carries inside '7C'. */
function dynamicObject(answer: { data: Buffer; sw: number }, tag: number): Buffer | undefined {
  if (answer.sw !== 0x9000) return undefined;
  try {
    return children(expectTlv(answer.data, 0x7c)).find((item) => item.tag === tag)?.value;
  } catch {
    return undefined;
  }
}

const scalar = (random: (size: number) => Buffer): bigint => (toBigInt(random(40)) % (P256.n - 1n)) + 1n;

/**
 * PACE with ECDH generic mapping, AES-128 and P-256 (Doc 9303 Part 11 §4.4): the chip sends a nonce
 * encrypted under the MRZ password; both map it onto a new generator G' = s·G + H, agree a key on G'
 * and prove it with tokens. A wrong MRZ key ends in a refused token. Secure messaging then uses AES.
 */
export async function paceAccess(exchange: PlainExchange, key: ChipAccessKey, random: (size: number) => Buffer = randomBytes): Promise<BacOutcome | { ok: false; reason: 'not-offered' }> {
  const set = await exchange({ cla: 0, ins: 0x22, p1: 0xc1, p2: 0xa4, data: Buffer.concat([tlv(0x80, OID_VALUE), tlv(0x83, Buffer.from([1]))]) });
  if (set.sw !== 0x9000) return { ok: false, reason: 'not-offered' };
  const step = (data: Buffer, last = false) => exchange({ cla: last ? 0x00 : 0x10, ins: 0x86, p1: 0, p2: 0, data: tlv(0x7c, data), ne: 256 });

  const encryptedNonce = dynamicObject(await step(Buffer.alloc(0)), 0x80);
  if (encryptedNonce === undefined || encryptedNonce.length !== 16) return { ok: false, reason: 'bad-answer' };
  const nonce = toBigInt(aesCbc(passwordKey(key), encryptedNonce, false));

  const mapKey = scalar(random);
  const chipMap = dynamicObject(await step(tlv(0x81, encodePoint(P256, multiply(P256, mapKey, P256.g)))), 0x82);
  if (chipMap === undefined) return { ok: false, reason: 'bad-answer' };
  try {
    const generator = add(P256, multiply(P256, nonce, P256.g), multiply(P256, mapKey, decodePoint(P256, chipMap)));
    if (generator === null) return { ok: false, reason: 'bad-answer' };
    const ownKey = scalar(random);
    const ownPublic = encodePoint(P256, multiply(P256, ownKey, generator));
    const chipPublic = dynamicObject(await step(tlv(0x83, ownPublic)), 0x84);
    if (chipPublic === undefined || chipPublic.equals(chipMap)) return { ok: false, reason: 'bad-answer' };
    const chipKey = multiply(P256, ownKey, decodePoint(P256, chipPublic));
    if (chipKey === null) return { ok: false, reason: 'bad-answer' };
    const shared = toBytes(chipKey.x, P256.size);
    const keys = { encKey: paceKdf(shared, 1), macKey: paceKdf(shared, 2) };
    const answer = await step(tlv(0x85, paceToken(keys.macKey, chipPublic)), true);
    // The chip checks our token first: a wrong MRZ key ends here with 6300.
    if (answer.sw === 0x6300 || answer.sw === 0x6982) return { ok: false, reason: 'refused' };
    const chipToken = dynamicObject(answer, 0x86);
    if (chipToken === undefined || !chipToken.equals(paceToken(keys.macKey, ownPublic))) return { ok: false, reason: 'bad-answer' };
    return { ok: true, sm: new SecureMessaging(aesCipher(keys), Buffer.alloc(16)) };
  } catch {
    // A point off the curve, or at infinity: not a chip's answer.
    return { ok: false, reason: 'bad-answer' };
  }
}
