import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/*
 * ICAO Doc 9303 Part 11 §9.7 (key derivation) and §9.8 (3DES secure messaging): two-key 3DES in CBC
 * with a zero IV for encryption, and the ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with padding
 * method 2. OpenSSL 3 keeps single DES in its legacy provider, so single-DES steps run as 3DES with
 * the same key thrice (EDE with K,K,K is DES with K).
 */

const ZERO_IV = Buffer.alloc(8);

/** ISO/IEC 9797-1 padding method 2: 0x80 then zeros to a multiple of 8. */
export function pad(data: Buffer, blockSize = 8): Buffer {
  const length = (Math.floor(data.length / blockSize) + 1) * blockSize;
  const out = Buffer.alloc(length);
  data.copy(out);
  out[data.length] = 0x80;
  return out;
}

export function unpad(data: Buffer): Buffer {
  let end = data.length - 1;
  while (end >= 0 && data[end] === 0) end -= 1;
  if (end < 0 || data[end] !== 0x80) throw new Error('bad padding');
  return data.subarray(0, end);
}

function cipher(algorithm: string, key: Buffer, data: Buffer, encrypt: boolean): Buffer {
  const iv = algorithm.endsWith('cbc') ? ZERO_IV : null;
  const c = encrypt ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}

export const encrypt3des = (key: Buffer, data: Buffer): Buffer => cipher('des-ede-cbc', key, data, true);
export const decrypt3des = (key: Buffer, data: Buffer): Buffer => cipher('des-ede-cbc', key, data, false);

/** Retail MAC over data already padded: DES-CBC with Ka, then the last block through DES⁻¹(Kb) and DES(Ka). */
export function retailMac(key: Buffer, padded: Buffer): Buffer {
  const ka = key.subarray(0, 8);
  const kb = key.subarray(8, 16);
  const singleKa = Buffer.concat([ka, ka]);
  const chained = cipher('des-ede-cbc', singleKa, padded, true).subarray(-8);
  const step = cipher('des-ede-ecb', Buffer.concat([kb, kb]), chained, false);
  return cipher('des-ede-ecb', singleKa, step, true);
}

/** DES keys carry odd parity in each byte's low bit. */
function withParity(key: Buffer): Buffer {
  return Buffer.from(key.map((byte) => {
    let ones = 0;
    for (let bit = 1; bit < 0x100; bit <<= 1) if (byte & bit & 0xfe) ones += 1;
    return (byte & 0xfe) | (ones % 2 === 0 ? 1 : 0);
  }));
}

/** §9.7.1: a 16-byte 3DES key from a seed and counter 1 (encryption) or 2 (MAC). */
export function deriveKey(seed: Buffer, counter: 1 | 2): Buffer {
  const digest = createHash('sha1').update(Buffer.concat([seed, Buffer.from([0, 0, 0, counter])])).digest();
  return withParity(digest.subarray(0, 16));
}

export interface SessionKeys {
  encKey: Buffer;
  macKey: Buffer;
}

/** §9.7.1 for AES: K = SHA-1 (AES-128) or SHA-256 (AES-192/256) of the secret ‖ counter, cut to the key length. */
export const aesKdf = (secret: Buffer, counter: 1 | 2 | 3, keyBytes: 16 | 24 | 32): Buffer =>
  createHash(keyBytes === 16 ? 'sha1' : 'sha256').update(Buffer.concat([secret, Buffer.from([0, 0, 0, counter])])).digest().subarray(0, keyBytes);

export const sessionKeysFromSeed = (seed: Buffer): SessionKeys => ({ encKey: deriveKey(seed, 1), macKey: deriveKey(seed, 2) });
