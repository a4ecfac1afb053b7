import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/**
 * Seals the machine's few secrets (the central device token, device private keys) before they
 * go into the settings table, so a copied database or a backup does not carry them in clear.
 *
 * Sealed text is `<kind>:<base64>`; the prefix says which store sealed it, so a value sealed by
 * the Electron app's OS keyring is recognised (and not garbled) by the CLI's key-file store.
 */
export interface SecretStore {
  readonly kind: SecretStoreKind;
  seal(plain: string): string;
  /** Throws SecretUnreadableError when the text was sealed elsewhere, with another key, or altered. */
  open(sealed: string): string;
}
export type SecretStoreKind = 'os' | 'key-file';

export class SecretUnreadableError extends Error {
  constructor(readonly reason: 'other-store' | 'corrupt') {
    super(reason === 'other-store' ? 'sealed by another secret store' : 'sealed secret cannot be decrypted');
    this.name = 'SecretUnreadableError';
  }
}

export const isSealed = (text: string): boolean => /^(os|key-file):/.test(text);

/** Electron's safeStorage, as the host sees it (electron/app adapts the real one). */
export interface OsEncryption {
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

function payloadOf(kind: SecretStoreKind, sealed: string): Buffer {
  if (!isSealed(sealed)) throw new SecretUnreadableError('corrupt');
  if (!sealed.startsWith(`${kind}:`)) throw new SecretUnreadableError('other-store');
  return Buffer.from(sealed.slice(kind.length + 1), 'base64');
}

/** The OS keyring (DPAPI, Keychain, libsecret/kwallet) through Electron's safeStorage. */
export function osSecretStore(os: OsEncryption): SecretStore {
  return {
    kind: 'os',
    seal: (plain) => `os:${os.encryptString(plain).toString('base64')}`,
    open: (sealed) => {
      const payload = payloadOf('os', sealed);
      try {
        return os.decryptString(payload);
      } catch {
        throw new SecretUnreadableError('corrupt');
      }
    },
  };
}

export const SECRET_KEY_FILE = 'secret.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Puts a new key file at `path`, whole or not at all: written and flushed under a temporary name,
 * then linked in and the folder flushed, so a crash or power cut never leaves an empty or partial
 * key file (with secrets in the database sealed under a key that is gone). Another process may
 * link its own first: whoever wins, everyone reads the same file.
 */
function createKeyFile(path: string): void {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, randomBytes(KEY_BYTES));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    if (process.platform !== 'win32') {
      const dir = openSync(dirname(path), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/** The key file's 32 random bytes, made on first use with mode 0600; a wider mode is narrowed. */
function loadOrCreateKey(path: string): Buffer {
  if (!existsSync(path)) createKeyFile(path);
  // An empty file is one an older version was making when the machine went down: nothing can have been sealed with it.
  if (statSync(path).size === 0) {
    rmSync(path, { force: true });
    createKeyFile(path);
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES) throw new Error(`${path}: not a ${KEY_BYTES}-byte key`);
  return key;
}

/**
 * Where no OS keyring is available (browser mode, a Linux kiosk without a keyring): AES-256-GCM
 * with a random key in `secret.key` (mode 0600) in the app data folder. It keeps secrets out of
 * the database file and its copies, not from someone who can read the whole data folder.
 */
export function keyFileSecretStore(dataDir: string): SecretStore {
  const path = join(dataDir, SECRET_KEY_FILE);
  let key: Buffer | undefined;
  return aesGcmStore('key-file', () => (key ??= loadOrCreateKey(path)));
}

/**
 * The OS keyring's store for a host that runs apart from Electron's main process (a utility
 * process cannot reach safeStorage): AES-256-GCM under a random key that the main process keeps
 * sealed by the keyring (electron/app/host-key.ts) and hands to the host at start.
 */
export function hostKeySecretStore(key: Buffer): SecretStore {
  if (key.length !== KEY_BYTES) throw new Error(`the host key is not ${KEY_BYTES} bytes`);
  return aesGcmStore('os', () => key);
}

export const HOST_KEY_BYTES = KEY_BYTES;

function aesGcmStore(kind: SecretStoreKind, theKey: () => Buffer): SecretStore {
  return {
    kind,
    seal: (plain) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', theKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${kind}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open: (sealed) => {
      const payload = payloadOf(kind, sealed);
      if (payload.length < IV_BYTES + TAG_BYTES) throw new SecretUnreadableError('corrupt');
      try {
        const decipher = createDecipheriv('aes-256-gcm', theKey(), payload.subarray(0, IV_BYTES));
        decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(payload.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadableError('corrupt');
      }
    },
  };
}

interface KeyValues {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Settings whose values go in sealed and come out open: for code that keeps a secret under a settings key. */
export function sealedSettings(settings: KeyValues, secrets: SecretStore): KeyValues {
  return {
    get: (key) => {
      const value = settings.get(key);
      return value === null ? null : secrets.open(value);
    },
    set: (key, value) => settings.set(key, secrets.seal(value)),
  };
}

/** Seals in place a secret an earlier version kept in clear under `key`. Returns whether it did. */
export function sealClearSetting(settings: KeyValues, secrets: SecretStore, key: string): boolean {
  const value = settings.get(key);
  if (value === null || isSealed(value)) return false;
  settings.set(key, secrets.seal(value));
  return true;
}

/**
 * Seals with `primary` and also opens what `older` sealed: a machine that first ran without an OS
 * keyring (browser mode, no keyring yet) keeps its token when the Electron app's keyring takes over.
 */
export function openingAlso(primary: SecretStore, older: SecretStore): SecretStore {
  if (primary.kind === older.kind) return primary;
  return {
    kind: primary.kind,
    seal: (plain) => primary.seal(plain),
    open: (sealed) => (sealed.startsWith(`${older.kind}:`) ? older.open(sealed) : primary.open(sealed)),
  };
}
