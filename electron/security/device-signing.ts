import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { dossierDraft, type DossierDraft, type ErrorCode } from '../contract';
import type { SettingsRepository } from '../db/settings-repository';
import { fromWire, toWire } from '../contract/draft-wire';

/**
 * The kiosk's Ed25519 device key, and the hand-off text it signs: the QR on a printed dossier
 * that a counter of the same centre scans to open the draft, offline.
 *
 * Hand-off text: `MOTCUA1:` + base64url (RFC 4648 §5, no padding) of
 *
 *   offset  size  content
 *   0       1     layout version, 0x01
 *   1       1     kind: 0x01 draft, 0x02 draft reference
 *   2       8     key id: the first 8 bytes of SHA-256 over the signer's public key (SPKI DER)
 *   10      n     body — draft: raw DEFLATE (RFC 1951) of the canonical JSON (UTF-8, object
 *                 keys sorted, no spaces) of the draft's wire form (contract/draft-wire.ts);
 *                 reference: the draft id in UTF-8
 *   10+n    64    Ed25519 signature over bytes 0 … 10+n−1 (header and body)
 *
 * A draft whose text would exceed HANDOFF_MAX_TEXT goes as a reference: the counter then
 * fetches the draft by its id.
 */

export const HANDOFF_PREFIX = 'MOTCUA1:';
/**
 * The byte capacity of a version 30 QR code at level M (137 modules): a prefilled form fits, and
 * the dossier PDF still prints it on A4 with modules large enough for a 150 dpi scan.
 */
export const HANDOFF_MAX_TEXT = 1370;

const LAYOUT_VERSION = 0x01;
const KIND_CODES = { draft: 0x01, reference: 0x02 } as const;
const KEY_ID_BYTES = 8;
const HEADER_BYTES = 2 + KEY_ID_BYTES;
const SIGNATURE_BYTES = 64;
/** Inflating a signed body is safe, but a key may leak: a bound keeps a deflate bomb harmless. */
const MAX_INFLATED_BYTES = 256 * 1024;

// PKCS8, base64. The host hands a sealing settings store (security/secret-store.ts sealedSettings):
// the key is stored only encrypted.
export const PRIVATE_KEY_SETTING = 'device.signing.privateKeyPkcs8';

export interface DeviceKey {
  /** Hex of the key id bytes carried in every hand-off. */
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const keyIdBytes = (publicKey: KeyObject) =>
  createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest().subarray(0, KEY_ID_BYTES);

export const keyIdOf = (publicKey: KeyObject): string => keyIdBytes(publicKey).toString('hex');

function deviceKeyFrom(privateKey: KeyObject): DeviceKey {
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/** The device key, generated and stored on first use. */
export function loadOrCreateDeviceKey(settings: Pick<SettingsRepository, 'get' | 'set'>): DeviceKey {
  const stored = settings.get(PRIVATE_KEY_SETTING);
  if (stored !== null) return deviceKeyFrom(createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'pkcs8' }));
  const { privateKey } = generateKeyPairSync('ed25519');
  settings.set(PRIVATE_KEY_SETTING, privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
  return deviceKeyFrom(privateKey);
}

/** SPKI PEM of the device's public key, for the counters of the centre to trust. */
export const exportPublicKeyPem = (key: DeviceKey): string => key.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** Public keys a counter trusts, by key id. */
export type TrustedKeys = ReadonlyMap<string, KeyObject>;

/** Throws on a PEM that is not an Ed25519 public key: a configuration error, said at start. */
export function trustedKeys(pems: readonly string[]): TrustedKeys {
  return new Map(
    pems.map((pem) => {
      const key = createPublicKey(pem);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('a trusted device key must be Ed25519');
      return [keyIdOf(key), key] as const;
    }),
  );
}

/** JSON with object keys sorted at every level: the same draft always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function signedText(kind: keyof typeof KIND_CODES, body: Buffer, key: DeviceKey): string {
  const signed = Buffer.concat([Buffer.from([LAYOUT_VERSION, KIND_CODES[kind]]), keyIdBytes(key.publicKey), body]);
  const signature = sign(null, signed, key.privateKey);
  return HANDOFF_PREFIX + Buffer.concat([signed, signature]).toString('base64url');
}

export interface EncodedHandoff {
  text: string;
  /** `reference` when the draft was too large for one QR code. */
  kind: 'draft' | 'reference';
}

export function encodeHandoff(draft: DossierDraft, key: DeviceKey): EncodedHandoff {
  const whole = signedText('draft', deflateRawSync(Buffer.from(canonicalJson(toWire(draft)), 'utf8'), { level: 9 }), key);
  if (whole.length <= HANDOFF_MAX_TEXT) return { text: whole, kind: 'draft' };
  return { text: signedText('reference', Buffer.from(draft.id, 'utf8'), key), kind: 'reference' };
}

export type Handoff = { kind: 'draft'; draft: DossierDraft; keyId: string } | { kind: 'reference'; draftId: string; keyId: string };

export type HandoffErrorCode = Extract<
  ErrorCode,
  'HANDOFF_BAD_PREFIX' | 'HANDOFF_BAD_ENCODING' | 'HANDOFF_TOO_LARGE' | 'HANDOFF_UNKNOWN_KEY' | 'HANDOFF_BAD_SIGNATURE' | 'HANDOFF_BAD_JSON' | 'HANDOFF_SCHEMA'
>;

export type HandoffDecoding = { ok: true; handoff: Handoff } | { ok: false; code: HandoffErrorCode };

const fail = (code: HandoffErrorCode): HandoffDecoding => ({ ok: false, code });

function parseDraftBody(body: Buffer): DossierDraft | HandoffErrorCode {
  let json: unknown;
  try {
    json = JSON.parse(inflateRawSync(body, { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8'));
  } catch {
    return 'HANDOFF_BAD_JSON';
  }
  return fromWire(json) ?? 'HANDOFF_SCHEMA';
}

/**
 * Reads a scanned hand-off. Never throws; yields a draft or reference only when the signature
 * verifies with a trusted key.
 */
export function decodeHandoff(text: string, trusted: TrustedKeys): HandoffDecoding {
  const trimmed = text.trim();
  if (!trimmed.startsWith(HANDOFF_PREFIX)) return fail('HANDOFF_BAD_PREFIX');
  if (trimmed.length > HANDOFF_MAX_TEXT) return fail('HANDOFF_TOO_LARGE');
  const encoded = trimmed.slice(HANDOFF_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return fail('HANDOFF_BAD_ENCODING');
  const bytes = Buffer.from(encoded, 'base64url');
  const kind = bytes[1];
  if (bytes.length <= HEADER_BYTES + SIGNATURE_BYTES || bytes[0] !== LAYOUT_VERSION || (kind !== KIND_CODES.draft && kind !== KIND_CODES.reference)) {
    return fail('HANDOFF_BAD_ENCODING');
  }
  const keyId = bytes.subarray(2, HEADER_BYTES).toString('hex');
  const publicKey = trusted.get(keyId);
  if (!publicKey) return fail('HANDOFF_UNKNOWN_KEY');
  const signed = bytes.subarray(0, bytes.length - SIGNATURE_BYTES);
  if (!verify(null, signed, publicKey, bytes.subarray(signed.length))) return fail('HANDOFF_BAD_SIGNATURE');
  const body = signed.subarray(HEADER_BYTES);
  if (kind === KIND_CODES.reference) {
    const draftId = body.toString('utf8');
    return dossierDraft.shape.id.safeParse(draftId).success ? { ok: true, handoff: { kind: 'reference', draftId, keyId } } : fail('HANDOFF_SCHEMA');
  }
  const draft = parseDraftBody(body);
  return typeof draft === 'string' ? fail(draft) : { ok: true, handoff: { kind: 'draft', draft, keyId } };
}
