import { createHash, createHmac, createPublicKey, randomBytes, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { DeviceKey } from '../security/device-signing';

/**
 * How the machines of a centre and its hub trust each other on the LAN.
 *
 * Pairing: the machine sends its Ed25519 public key, its role and a fresh nonce with
 * HMAC-SHA256 (key: the one-time pairing code shown on the hub) over them, and signs the same
 * text with its key. The hub answers with its own public key and an HMAC over that key, the
 * machine's key id and the nonce: only a hub that knows the code can, so the machine pins that
 * key. The code itself never crosses the wire.
 *
 * Every later request is signed by the machine over method, path, time, nonce and the body's
 * SHA-256; the hub refuses an unknown key, a time more than CLOCK_SKEW_MS away or a nonce seen
 * before. Every answer is signed by the hub over the request's nonce, status and body hash,
 * and every event over the stream's nonce, its id and its data: a replayed or forged answer
 * fails at the machine.
 */

export const CLOCK_SKEW_MS = 5 * 60_000;
export const HEADER = { key: 'x-motcua-key', time: 'x-motcua-time', nonce: 'x-motcua-nonce', signature: 'x-motcua-signature', hub: 'x-hub-signature' } as const;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('base64url');
export const newNonce = () => randomBytes(18).toString('base64url');
export const publicKeyPem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

export function ed25519PublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}

export const signText = (text: string, key: DeviceKey) => sign(null, Buffer.from(text), key.privateKey).toString('base64url');

export function verifyText(text: string, signature: string, key: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(text), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

const mac = (code: string, text: string) => createHmac('sha256', normaliseCode(code)).update(text).digest('base64url');

/** Codes are read aloud and typed: case, spaces and dashes do not count. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const pairRequestText = (publicKey: string, role: string, nonce: string) => `motcua-pair\n${publicKey}\n${role}\n${nonce}`;
export const pairAnswerText = (hubKey: string, machineKeyId: string, nonce: string) => `motcua-hub\n${hubKey}\n${machineKeyId}\n${nonce}`;
export const codeProof = (code: string, text: string) => mac(code, text);
export const provesCode = (code: string, text: string, proof: string) => sameMac(mac(code, text), proof);

export const requestText = (method: string, path: string, time: string, nonce: string, body: string) => `${method}\n${path}\n${time}\n${nonce}\n${sha256(body)}`;
export const answerText = (nonce: string, status: number, body: string) => `${nonce}\n${status}\n${sha256(body)}`;
export const eventText = (streamNonce: string, id: number, event: string, data: string) => `${streamNonce}\n${id}\n${event}\n${data}`;

/** The headers a machine sends with a signed request. */
export function signedHeaders(method: string, path: string, body: string, key: DeviceKey, now: number): Record<string, string> {
  const time = String(now);
  const nonce = newNonce();
  return {
    [HEADER.key]: key.keyId,
    [HEADER.time]: time,
    [HEADER.nonce]: nonce,
    [HEADER.signature]: signText(requestText(method, path, time, nonce, body), key),
  };
}

/** Nonces seen within the clock window: a request replayed inside it is refused. */
export class NonceWindow {
  // In insertion order, which is time order: the old ones are dropped from the front.
  private readonly seen = new Map<string, number>();

  /** True the first time a nonce is offered within the window. */
  fresh(nonce: string, now: number): boolean {
    for (const [old, at] of this.seen) {
      if (at >= now - 2 * CLOCK_SKEW_MS) break;
      this.seen.delete(old);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

/** SHA-256 of the key's PEM in groups of four hex digits: what a technician compares by eye. */
export const fingerprint = (pem: string) =>
  createHash('sha256')
    .update(pem)
    .digest('hex')
    .slice(0, 32)
    .replace(/(.{4})(?=.)/g, '$1 ');
