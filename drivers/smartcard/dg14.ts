import { childAt, children, DerError, expectTlv, oidText, type Tlv } from './der';
import { decodePoint, P256, toBigInt, type Curve, type Point } from './ec-point';
import { DATA_GROUP_TAGS } from './lds-tags';

/*
 * DG14 (Doc 9303 Part 11 §6.2 and §9.2.5-9.2.6): a SET of SecurityInfos; Chip Authentication needs
 * its ChipAuthenticationInfo (protocol, version, keyId?) and ChipAuthenticationPublicKeyInfo
 * (id-PK-DH or id-PK-ECDH, the chip's static public key, keyId?).
 */
const CA_PREFIX = '0.4.0.127.0.7.2.2.3.';
export const CA_ECDH_3DES = '0.4.0.127.0.7.2.2.3.2.1';
export const CA_ECDH_AES_128 = '0.4.0.127.0.7.2.2.3.2.2';
export const PK_DH = '0.4.0.127.0.7.2.2.1.1';
export const PK_ECDH = '0.4.0.127.0.7.2.2.1.2';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
export const PRIME_FIELD = '1.2.840.10045.1.1';
/** The named curves this reader knows; real chips mostly spell their domain parameters out (explicit). */
const NAMED_CURVES: Readonly<Record<string, Curve>> = { '1.2.840.10045.3.1.7': P256 };

/** id-CA-{DH,ECDH}-{3DES-CBC-CBC, AES-CBC-CMAC-128/192/256}: the last arc is the cipher (§9.2.5). */
const CIPHERS = { 1: '3DES', 2: 'AES-128', 3: 'AES-192', 4: 'AES-256' } as const;
export type CaCipher = (typeof CIPHERS)[keyof typeof CIPHERS];

export type ChipPublicKey = { agreement: 'ECDH'; curve: Curve; point: Point } | { agreement: 'DH'; p: bigint; g: bigint; y: bigint };

export interface ChipAuthenticationOffer {
  /** The id-CA-… OID, sent in MSE:Set AT for AES. */
  protocol: string;
  cipher: CaCipher;
  /** The key reference for MSE (DO'84'), when the chip holds more than one key. */
  keyId: Buffer | undefined;
  publicKey: ChipPublicKey;
}

const integer = (t: Tlv): bigint => {
  if (t.tag !== 0x02) throw new DerError('expected an INTEGER');
  return toBigInt(t.value);
};

/** ECParameters (SEC 1 §C.2) spelled out over a prime field, or a named curve this reader knows. */
function curveOf(parameters: Tlv | undefined): Curve {
  if (parameters?.tag === 0x06) {
    const named = NAMED_CURVES[oidText(parameters.value)];
    if (named === undefined) throw new DerError('unknown named curve');
    return named;
  }
  if (parameters?.tag !== 0x30) throw new DerError('no EC domain parameters');
  const field = childAt(parameters, 1, 0x30);
  if (oidText(childAt(field, 0, 0x06).value) !== PRIME_FIELD) throw new DerError('not a prime-field curve');
  const p = integer(childAt(field, 1));
  const coefficients = childAt(parameters, 2, 0x30);
  const size = Math.ceil(p.toString(16).length / 2);
  const partial = { name: 'explicit', p, a: toBigInt(childAt(coefficients, 0, 0x04).value), b: toBigInt(childAt(coefficients, 1, 0x04).value), n: integer(childAt(parameters, 4)), size, g: null };
  return { ...partial, g: decodePoint(partial, childAt(parameters, 3, 0x04).value) };
}

function bitString(t: Tlv): Buffer {
  if (t.tag !== 0x03 || t.value[0] !== 0) throw new DerError('expected a whole-byte BIT STRING');
  return t.value.subarray(1);
}

/** A SubjectPublicKeyInfo whose algorithm is id-PK-ECDH / id-ecPublicKey or id-PK-DH (PKCS #3 or X9.42 parameters). */
function publicKeyOf(spki: Tlv): ChipPublicKey {
  const algorithm = childAt(spki, 0, 0x30);
  const oid = oidText(childAt(algorithm, 0, 0x06).value);
  const parameters = children(algorithm)[1];
  const key = bitString(childAt(spki, 1));
  try {
    if (oid === PK_ECDH || oid === EC_PUBLIC_KEY) {
      const curve = curveOf(parameters);
      return { agreement: 'ECDH', curve, point: decodePoint(curve, key) };
    }
  } catch (error) {
    throw error instanceof DerError ? error : new DerError(error instanceof Error ? error.message : 'bad EC key');
  }
  if (oid !== PK_DH || parameters?.tag !== 0x30) throw new DerError('unsupported chip authentication key');
  return { agreement: 'DH', p: integer(childAt(parameters, 0)), g: integer(childAt(parameters, 1)), y: integer(expectTlv(key, 0x02)) };
}

const keyIdOf = (info: Tlv, index: number): Buffer | undefined => {
  const item = children(info)[index];
  return item?.tag === 0x02 ? item.value : undefined;
};

/**
 * The Chip Authentication DG14 offers, or undefined when it offers none. A chip may list only the
 * public key: then id-CA-…-3DES-CBC-CBC is meant (as JMRTD assumes for such passports).
 */
export function chipAuthenticationOffer(dg14: Buffer): ChipAuthenticationOffer | undefined {
  const infos = children(expectTlv(expectTlv(dg14, DATA_GROUP_TAGS[14]!).value, 0x31)).filter((info) => info.tag === 0x30);
  const withOid = infos.map((info) => ({ info, oid: oidText(childAt(info, 0, 0x06).value) }));
  const keys = withOid.filter(({ oid }) => oid === PK_DH || oid === PK_ECDH);
  if (keys.length === 0) return undefined;
  const protocols = withOid.filter(({ oid }) => oid.startsWith(CA_PREFIX));
  for (const { info } of keys) {
    const keyId = keyIdOf(info, 2);
    const publicKey = publicKeyOf(childAt(info, 1, 0x30));
    const agreementArc = publicKey.agreement === 'DH' ? '1' : '2';
    const matching = protocols.find((p) => p.oid.split('.')[9] === agreementArc && (keyId === undefined || keyIdOf(p.info, 2)?.equals(keyId) !== false));
    const protocol = matching?.oid ?? `${CA_PREFIX}${agreementArc}.1`;
    const cipher = CIPHERS[Number(protocol.split('.')[10]) as keyof typeof CIPHERS];
    if (cipher !== undefined) return { protocol, cipher, keyId, publicKey };
  }
  return undefined;
}
