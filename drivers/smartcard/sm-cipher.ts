import { createCipheriv, createDecipheriv } from 'node:crypto';
import { decrypt3des, encrypt3des, retailMac, type SessionKeys } from './sm-crypto';

/**
 * The cipher suite of a secure-messaging session (Doc 9303 Part 11 §9.8): 3DES after BAC (zero IV,
 * retail MAC, 8-byte blocks); AES after PACE with AES (IV = E(K_enc, SSC), CMAC cut to 8 bytes,
 * 16-byte blocks, a 16-byte counter).
 */
export interface SmCipher {
  readonly blockSize: number;
  encrypt(ssc: Buffer, padded: Buffer): Buffer;
  decrypt(ssc: Buffer, encrypted: Buffer): Buffer;
  /** The 8-byte MAC of data already padded to the block size. */
  mac(padded: Buffer): Buffer;
}

export const tripleDesCipher = (keys: SessionKeys): SmCipher => ({
  blockSize: 8,
  encrypt: (_ssc, padded) => encrypt3des(keys.encKey, padded),
  decrypt: (_ssc, encrypted) => decrypt3des(keys.encKey, encrypted),
  mac: (padded) => retailMac(keys.macKey, padded),
});

const aesAlgorithm = (key: Buffer, mode: 'ecb' | 'cbc') => `aes-${key.length * 8}-${mode}`;

function aes(key: Buffer, mode: 'ecb' | 'cbc', data: Buffer, encrypt: boolean, iv: Buffer | null = null): Buffer {
  const c = encrypt ? createCipheriv(aesAlgorithm(key, mode), key, iv) : createDecipheriv(aesAlgorithm(key, mode), key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}

export const aesEncryptBlock = (key: Buffer, block: Buffer): Buffer => aes(key, 'ecb', block, true);
export const aesCbc = (key: Buffer, data: Buffer, encrypt: boolean, iv: Buffer = Buffer.alloc(16)): Buffer => aes(key, 'cbc', data, encrypt, iv);

/** NIST SP 800-38B: doubling in GF(2^128). */
function double(block: Buffer): Buffer {
  const out = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) out[i] = ((block[i]! << 1) | ((block[i + 1] ?? 0) >> 7)) & 0xff;
  if (block[0]! & 0x80) out[15] = out[15]! ^ 0x87;
  return out;
}

/** AES-CMAC (NIST SP 800-38B / RFC 4493). */
export function aesCmac(key: Buffer, message: Buffer): Buffer {
  const k1 = double(aesEncryptBlock(key, Buffer.alloc(16)));
  const k2 = double(k1);
  const complete = message.length > 0 && message.length % 16 === 0;
  const blocks = complete ? Buffer.from(message) : Buffer.concat([message, Buffer.from([0x80]), Buffer.alloc(15 - (message.length % 16))]);
  const last = blocks.subarray(blocks.length - 16);
  const subkey = complete ? k1 : k2;
  for (let i = 0; i < 16; i++) last[i] = last[i]! ^ subkey[i]!;
  return aesCbc(key, blocks, true).subarray(-16);
}

export const aesCipher = (keys: SessionKeys): SmCipher => ({
  blockSize: 16,
  encrypt: (ssc, padded) => aesCbc(keys.encKey, padded, true, aesEncryptBlock(keys.encKey, ssc)),
  decrypt: (ssc, encrypted) => aesCbc(keys.encKey, encrypted, false, aesEncryptBlock(keys.encKey, ssc)),
  mac: (padded) => aesCmac(keys.macKey, padded).subarray(0, 8),
});
