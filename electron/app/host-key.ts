import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { HOST_KEY_BYTES, type SecretStore } from '../security/secret-store';

export const HOST_KEY_FILE = 'host.key';

/**
 * The key the host process seals its secrets with, kept in the data folder sealed by the OS
 * keyring (which only the main process can open), made on first start. A key the keyring can no
 * longer open is an error that says so: making a new one would lose every secret sealed before.
 */
export function loadOrCreateHostKey(keyring: SecretStore, dataDir: string): Buffer {
  const path = join(dataDir, HOST_KEY_FILE);
  if (!existsSync(path)) {
    const key = randomBytes(HOST_KEY_BYTES);
    writeFileSync(path, keyring.seal(key.toString('base64')), { mode: 0o600, flag: 'wx' });
    return key;
  }
  try {
    return Buffer.from(keyring.open(readFileSync(path, 'utf8')), 'base64');
  } catch (error) {
    throw new Error(`${path}: the OS keyring cannot open this machine's host key (${(error as Error).message}); restore the keyring or the data folder`);
  }
}
