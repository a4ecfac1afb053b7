import type { Command, Response } from './apdu';
import { oidBytes, tlv } from './der';
import type { CaCipher, ChipAuthenticationOffer, ChipPublicKey } from './dg14';
import { encodePoint, multiply, toBigInt, toBytes } from './ec-point';
import { SecureMessaging } from './secure-messaging';
import { aesCipher, tripleDesCipher, type SmCipher } from './sm-cipher';
import { aesKdf, deriveKey } from './sm-crypto';

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let square = base % modulus;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
}

const byteLength = (v: bigint): number => Math.ceil(v.toString(16).length / 2);

/**
 * The terminal's ephemeral key pair on the chip's domain parameters and the shared secret K with the
 * chip's static key (§6.2.1): for ECDH the x-coordinate of SK·PK_IC, for DH PK_IC^SK mod p, each as
 * many bytes as the field. The ephemeral key is sent as an uncompressed point or the DH value.
 */
export function ephemeralAgreement(chipKey: ChipPublicKey, random: (size: number) => Buffer): { ownPublic: Buffer; secret: Buffer } {
  if (chipKey.agreement === 'ECDH') {
    const { curve, point } = chipKey;
    const own = (toBigInt(random(curve.size + 8)) % (curve.n - 1n)) + 1n;
    const shared = multiply(curve, own, point);
    if (shared === null) throw new RangeError('shared point at infinity');
    return { ownPublic: encodePoint(curve, multiply(curve, own, curve.g)), secret: toBytes(shared.x, curve.size) };
  }
  const { p, g, y } = chipKey;
  const size = byteLength(p);
  const own = (toBigInt(random(size)) % (p - 3n)) + 2n;
  return { ownPublic: toBytes(modPow(g, own, p), size), secret: toBytes(modPow(y, own, p), size) };
}

/** §9.7.1: K_enc and K_mac from K (counters 1 and 2); secure messaging restarts with SSC 0 (as JMRTD does). */
export function chipAuthenticationSession(cipher: CaCipher, secret: Buffer): { cipher: SmCipher; ssc: Buffer } {
  if (cipher === '3DES') return { cipher: tripleDesCipher({ encKey: deriveKey(secret, 1), macKey: deriveKey(secret, 2) }), ssc: Buffer.alloc(8) };
  const bytes = ({ 'AES-128': 16, 'AES-192': 24, 'AES-256': 32 } as const)[cipher];
  return { cipher: aesCipher({ encKey: aesKdf(secret, 1, bytes), macKey: aesKdf(secret, 2, bytes) }), ssc: Buffer.alloc(16) };
}

function restartedMessaging(cipher: CaCipher, secret: Buffer): SecureMessaging {
  const session = chipAuthenticationSession(cipher, secret);
  return new SecureMessaging(session.cipher, session.ssc);
}

/**
 * Chip Authentication v1 (Doc 9303 Part 11 §6.2), sent under the current secure messaging: with 3DES,
 * MSE:Set KAT carrying the ephemeral key in DO'91'; with AES, MSE:Set AT naming the protocol, then
 * General Authenticate with the key in DO'80' inside '7C'. The chip answers under the old keys and then
 * switches. Returns the restarted secure messaging, or undefined when the chip refused the key. The
 * protocol is implicit: only the chip's next answer under the new keys proves it holds the private key.
 */
export async function chipAuthentication(send: (command: Command) => Promise<Response>, offer: ChipAuthenticationOffer, random: (size: number) => Buffer): Promise<SecureMessaging | undefined> {
  const { ownPublic, secret } = ephemeralAgreement(offer.publicKey, random);
  const keyReference = offer.keyId === undefined ? Buffer.alloc(0) : tlv(0x84, offer.keyId);
  if (offer.cipher === '3DES') {
    const kat = await send({ cla: 0, ins: 0x22, p1: 0x41, p2: 0xa6, data: Buffer.concat([tlv(0x91, ownPublic), keyReference]) });
    return kat.sw === 0x9000 ? restartedMessaging(offer.cipher, secret) : undefined;
  }
  const set = await send({ cla: 0, ins: 0x22, p1: 0x41, p2: 0xa4, data: Buffer.concat([tlv(0x80, oidBytes(offer.protocol)), keyReference]) });
  if (set.sw !== 0x9000) return undefined;
  const authenticate = await send({ cla: 0, ins: 0x86, p1: 0, p2: 0, data: tlv(0x7c, tlv(0x80, ownPublic)), ne: 256 });
  return authenticate.sw === 0x9000 ? restartedMessaging(offer.cipher, secret) : undefined;
}
