/** The central Ed25519 key: kept in --key-dir (PKCS8 private PEM, SPKI public PEM) or ephemeral. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_KEY_FILE = 'central-private.pem';
export const PUBLIC_KEY_FILE = 'central-public.pem';

export interface CentralKey { privateKey: KeyObject; publicKeyPem: string }

export function loadOrCreateKey(keyDir?: string): CentralKey {
  const privatePath = keyDir && join(keyDir, PRIVATE_KEY_FILE);
  if (privatePath && existsSync(privatePath)) {
    const privateKey = createPrivateKey(readFileSync(privatePath));
    return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  if (keyDir && privatePath) {
    mkdirSync(keyDir, { recursive: true });
    writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(join(keyDir, PUBLIC_KEY_FILE), publicKeyPem);
  }
  return { privateKey, publicKeyPem };
}

/** Ed25519 over the UTF-8 bytes of the hex hash string, base64. */
export function signHash(key: KeyObject, hashHex: string): string {
  return sign(null, Buffer.from(hashHex, 'utf8'), key).toString('base64');
}
