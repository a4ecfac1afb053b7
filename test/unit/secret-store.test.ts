import { readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronSecretStore } from '../../electron/app/secret-store';
import { keyFileSecretStore, SECRET_KEY_FILE, SecretUnreadableError } from '../../electron/security/secret-store';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir('motcua-secrets-')));
afterEach(() => tmp.cleanup());

/** safeStorage as Electron gives it: here a reversible stand-in that marks what it encrypted. */
const fakeSafeStorage = (available: boolean, backend: 'basic_text' | 'gnome_libsecret' = 'gnome_libsecret') => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (plain: string) => Buffer.from(`os[${plain}]`),
  decryptString: (sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith('os[')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice(3, -1);
  },
});

describe('key-file secret store', () => {
  it('seals with AES-256-GCM under a 32-byte key made with mode 0600, and opens it again after a restart', () => {
    const sealed = keyFileSecretStore(tmp.dir).seal('device-token-123');
    expect(sealed).toMatch(/^key-file:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('device-token-123');
    expect(Buffer.from(sealed.slice(9), 'base64').toString('latin1')).not.toContain('device-token-123');
    const keyFile = join(tmp.dir, SECRET_KEY_FILE);
    expect(readFileSync(keyFile)).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(keyFileSecretStore(tmp.dir).open(sealed)).toBe('device-token-123');
    // A fresh IV each time: the same secret never seals to the same text.
    expect(keyFileSecretStore(tmp.dir).seal('device-token-123')).not.toBe(sealed);
  });

  it('narrows a key file left readable by others back to 0600', () => {
    keyFileSecretStore(tmp.dir).seal('x');
    const keyFile = join(tmp.dir, SECRET_KEY_FILE);
    chmodSync(keyFile, 0o644);
    keyFileSecretStore(tmp.dir).seal('y');
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('refuses a sealed text from another key, an altered one, and one sealed by the OS keyring', () => {
    const sealed = keyFileSecretStore(tmp.dir).seal('device-token-123');
    const other = makeTempDir('motcua-secrets-other-');
    try {
      expect(() => keyFileSecretStore(other.dir).open(sealed)).toThrow(new SecretUnreadableError('corrupt'));
    } finally {
      other.cleanup();
    }
    const bytes = Buffer.from(sealed.slice(9), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => keyFileSecretStore(tmp.dir).open(`key-file:${bytes.toString('base64')}`)).toThrow(SecretUnreadableError);
    const osSealed = electronSecretStore(fakeSafeStorage(true))!.seal('t');
    expect(() => keyFileSecretStore(tmp.dir).open(osSealed)).toThrow(expect.objectContaining({ reason: 'other-store' }));
  });

  it('after a crash while the key file was being made: an empty one is made anew, a leftover temporary file changes nothing', () => {
    const keyFile = join(tmp.dir, SECRET_KEY_FILE);
    writeFileSync(keyFile, '');
    writeFileSync(`${keyFile}.4242-deadbeef.tmp`, Buffer.alloc(7));
    const sealed = keyFileSecretStore(tmp.dir).seal('device-token-123');
    expect(readFileSync(keyFile)).toHaveLength(32);
    expect(keyFileSecretStore(tmp.dir).open(sealed)).toBe('device-token-123');
    // Only the key and what was there before: the store's own temporary file is gone.
    expect(readdirSync(tmp.dir).sort()).toEqual([SECRET_KEY_FILE, `${SECRET_KEY_FILE}.4242-deadbeef.tmp`]);
  });

  it('refuses a key file of the wrong size instead of sealing with a short key', () => {
    writeFileSync(join(tmp.dir, SECRET_KEY_FILE), Buffer.alloc(16));
    expect(() => keyFileSecretStore(tmp.dir).seal('x')).toThrow(/not a 32-byte key/);
  });
});

describe('Electron safeStorage secret store', () => {
  it('uses the OS keyring when it is available and real', () => {
    const store = electronSecretStore(fakeSafeStorage(true), 'linux')!;
    expect(store.kind).toBe('os');
    const sealed = store.seal('device-token-123');
    expect(sealed).toBe(`os:${Buffer.from('os[device-token-123]').toString('base64')}`);
    expect(store.open(sealed)).toBe('device-token-123');
    expect(() => store.open(`os:${Buffer.from('garbage').toString('base64')}`)).toThrow(SecretUnreadableError);
  });

  it('is not used where it protects nothing: unavailable, or Linux with no keyring (basic_text)', () => {
    expect(electronSecretStore(fakeSafeStorage(false), 'win32')).toBeNull();
    expect(electronSecretStore(fakeSafeStorage(true, 'basic_text'), 'linux')).toBeNull();
    expect(electronSecretStore(fakeSafeStorage(true, 'basic_text'), 'win32')?.kind).toBe('os');
  });
});
