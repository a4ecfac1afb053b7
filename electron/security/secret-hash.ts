import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt's cost parameters, stored with each hash so they can be raised for new hashes only. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

export interface SecretHash extends ScryptParams {
  salt: string;
  hash: string;
}

/** Node's own defaults: what the technician PIN has always been hashed with. */
export const SCRYPT_NODE_DEFAULTS: ScryptParams = { N: 16_384, r: 8, p: 1, keyLength: 32 };

const derive = (secret: string, salt: Buffer, { N, r, p, keyLength }: ScryptParams) =>
  // scrypt needs 128·N·r bytes; allow twice that so stronger parameters do not hit Node's 32 MiB cap.
  scryptSync(secret.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r });

/** A fresh random salt for every secret, so equal secrets never share a hash. */
export function hashSecret(secret: string, params: ScryptParams = SCRYPT_NODE_DEFAULTS): SecretHash {
  const salt = randomBytes(16);
  return { ...params, salt: salt.toString('hex'), hash: derive(secret, salt, params).toString('hex') };
}

/** Constant-time comparison; a malformed stored hash is simply a mismatch. */
export function verifySecret(secret: string, stored: SecretHash): boolean {
  const expected = Buffer.from(stored.hash, 'hex');
  if (expected.length !== stored.keyLength || expected.length === 0) return false;
  return timingSafeEqual(derive(secret, Buffer.from(stored.salt, 'hex'), stored), expected);
}

/** Five wrong secrets in a row lock for five minutes, whatever is typed meanwhile. */
export const LOCKOUT = { maxFailures: 5, ms: 5 * 60_000 } as const;

/** The failure count after one more failure, and the end of the lock once the count reaches the limit. */
export function afterFailure(failures: number, now: number): { failures: number; lockedUntil: number | null } {
  const count = failures + 1;
  return count >= LOCKOUT.maxFailures ? { failures: 0, lockedUntil: now + LOCKOUT.ms } : { failures: count, lockedUntil: null };
}
