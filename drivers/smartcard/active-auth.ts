import { constants, createHash, createPublicKey, publicDecrypt, verify, type KeyObject } from 'node:crypto';
import { childAt, expectTlv } from './der';
import { DATA_GROUP_TAGS } from './lds-tags';

/** DG15 ('6F') holds the chip's Active Authentication public key as a SubjectPublicKeyInfo. */
export function activeAuthenticationKey(dg15: Buffer): KeyObject {
  return createPublicKey({ key: childAt(expectTlv(dg15, DATA_GROUP_TAGS[15]!), 0, 0x30).raw, format: 'der', type: 'spki' });
}

const EC_DIGESTS = ['sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
/** ISO/IEC 9796-2 trailer hash identifiers (two-byte trailer 'xxCC'). */
const TRAILER_HASHES: Readonly<Record<number, string>> = { 0x33: 'sha1', 0x34: 'sha256', 0x35: 'sha512', 0x36: 'sha384', 0x38: 'sha224' };

/**
 * ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery (Doc 9303 Part 11 §6.1):
 * the recovered block is '6A' | M1 | H(M1 | challenge) | 'BC' (SHA-1) or | hash id | 'CC'.
 */
function rsaHolds(key: KeyObject, challenge: Buffer, signature: Buffer): boolean {
  const block = publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, signature);
  if ((block[0]! & 0xc0) !== 0x40) return false;
  const last = block[block.length - 1]!;
  const hash = last === 0xbc ? 'sha1' : last === 0xcc ? TRAILER_HASHES[block[block.length - 2]!] : undefined;
  if (hash === undefined) return false;
  const trailer = last === 0xbc ? 1 : 2;
  const size = createHash(hash).digest().length;
  const digestAt = block.length - trailer - size;
  const recovered = block.subarray(1, digestAt);
  return createHash(hash).update(Buffer.concat([recovered, challenge])).digest().equals(block.subarray(digestAt, block.length - trailer));
}

/** Whether the chip's answer to INTERNAL AUTHENTICATE is its signature of the challenge. */
export function activeAuthenticationHolds(dg15: Buffer, challenge: Buffer, signature: Buffer): boolean {
  try {
    const key = activeAuthenticationKey(dg15);
    if (key.asymmetricKeyType === 'rsa') return rsaHolds(key, challenge, signature);
    // ECDSA: a plain r‖s signature (BSI TR-03111) of the challenge; the hash is the chip's to choose.
    return EC_DIGESTS.some((digest) => verify(digest, challenge, { key, dsaEncoding: 'ieee-p1363' }, signature));
  } catch {
    return false;
  }
}
