import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AppError, type CentralStatus, type CentralTestOutcome } from '../contract';
import { ROLE_SETTING, setMachineRole, type MachineRole, type RoleChange } from '../db/machine-role';
import type { SettingsRepository } from '../db/settings-repository';
import { isSealed, SecretUnreadableError, type SecretStore } from '../security/secret-store';
import type { CentralLink } from '../sync/sync-service';

/** Settings of the central link. Only the token and the device private key are secrets: they are stored sealed. */
const KEYS = {
  url: 'central.url',
  publicKeyPem: 'central.publicKeyPem',
  token: 'central.token.sealed',
  deviceId: 'central.deviceId',
  devicePrivateKey: 'central.device.privateKey.sealed',
  lastTest: 'central.lastTest',
  updateUrl: 'updates.url',
  centreCode: 'centre.code',
  role: ROLE_SETTING,
} as const;
/** Where the token was kept in clear before secrets were sealed. */
const CLEAR_TOKEN = 'central.token';

/** SHA-256 over a public key's SPKI DER, first 16 bytes in hex: short enough to read aloud over the phone. */
export const keyFingerprint = (key: KeyObject): string =>
  createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest().subarray(0, 16).toString('hex');

/** The central key as pasted by a technician; only an Ed25519 public key is accepted. */
export function centralPublicKey(pem: string): KeyObject {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // Falls through to the typed error.
  }
  throw new AppError('CENTRAL_KEY_INVALID');
}

export interface Registration {
  deviceId: string;
  token: string;
  privateKey: KeyObject;
  centreCode: string;
  role: MachineRole;
}

/** Whether the token can be read back: `other-store` when sealed by the Electron app's OS keyring and read by the CLI. */
export type TokenState = 'absent' | 'ok' | 'other-store' | 'corrupt';

/**
 * The central system this machine talks to: endpoint and pinned key in clear, token and device
 * key sealed by the SecretStore. A token belongs to the central that issued it: pointing the
 * machine elsewhere forgets the registration.
 */
export class CentralSettings {
  constructor(
    readonly settings: SettingsRepository,
    readonly secrets: SecretStore,
  ) {}

  /** Seals a token left in clear by an earlier version, and deletes the clear one. Returns whether it did. */
  migrateClearToken(): boolean {
    const clear = this.settings.get(CLEAR_TOKEN);
    if (clear === null) return false;
    if (this.settings.get(KEYS.token) === null && clear !== '') this.settings.set(KEYS.token, this.secrets.seal(clear));
    this.settings.delete(CLEAR_TOKEN);
    return true;
  }

  endpoint = (): string | null => this.settings.get(KEYS.url);

  /** Sets the endpoint; a different one drops the registration made with the old. */
  setEndpoint(url: string): void {
    if (this.endpoint() === url) return;
    this.settings.set(KEYS.url, url);
    this.forgetRegistration();
  }

  configure(endpoint: string, publicKeyPem: string, updateUrl?: string | null): void {
    centralPublicKey(publicKeyPem);
    this.setEndpoint(endpoint);
    this.settings.set(KEYS.publicKeyPem, publicKeyPem.trim() + '\n');
    if (updateUrl !== undefined) this.setUpdateUrl(updateUrl);
  }

  setUpdateUrl(url: string | null): void {
    if (url === null) this.settings.delete(KEYS.updateUrl);
    else this.settings.set(KEYS.updateUrl, url);
  }

  updateUrl = (): string | null => this.settings.get(KEYS.updateUrl);

  /** A link given whole (`--central --token --central-key`, tests): the token is sealed like a registered one. */
  saveLink(link: CentralLink): void {
    this.setEndpoint(link.url);
    this.settings.set(KEYS.publicKeyPem, link.publicKeyPem);
    this.settings.set(KEYS.token, this.secrets.seal(link.token));
  }

  /** The registration and its role in one transaction, with the purge of what the role may not hold (setMachineRole). */
  saveRegistration(r: Registration): RoleChange {
    const token = this.secrets.seal(r.token);
    const privateKey = this.secrets.seal(r.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    return setMachineRole(this.settings.db, r.role, () => {
      this.settings.set(KEYS.deviceId, r.deviceId);
      this.settings.set(KEYS.token, token);
      this.settings.set(KEYS.devicePrivateKey, privateKey);
      this.settings.set(KEYS.centreCode, r.centreCode);
    });
  }

  /** The machine's role (provisioning): what the database holds follows it (setMachineRole). */
  setRole = (role: MachineRole): RoleChange => setMachineRole(this.settings.db, role);

  private forgetRegistration(): void {
    for (const key of [KEYS.token, KEYS.deviceId, KEYS.devicePrivateKey, KEYS.lastTest]) this.settings.delete(key);
  }

  private openSecret(key: string): { state: TokenState; value: string | null } {
    const sealed = this.settings.get(key);
    if (sealed === null) return { state: 'absent', value: null };
    if (!isSealed(sealed)) return { state: 'corrupt', value: null };
    try {
      return { state: 'ok', value: this.secrets.open(sealed) };
    } catch (error) {
      if (error instanceof SecretUnreadableError) return { state: error.reason, value: null };
      throw error;
    }
  }

  tokenState = (): TokenState => this.openSecret(KEYS.token).state;

  /** The link sync, the outbox and profile reads use; null until endpoint, key and a readable token are all there. */
  link(): CentralLink | null {
    const url = this.endpoint();
    const publicKeyPem = this.settings.get(KEYS.publicKeyPem);
    const token = this.openSecret(KEYS.token).value;
    return url && publicKeyPem && token ? { url, token, publicKeyPem } : null;
  }

  publicKeyPem = (): string | null => this.settings.get(KEYS.publicKeyPem);

  recordTest(outcome: CentralTestOutcome, at: Date): { outcome: CentralTestOutcome; at: string } {
    const result = { outcome, at: at.toISOString() };
    this.settings.set(KEYS.lastTest, JSON.stringify(result));
    return result;
  }

  provisionedRole = (): 'kiosk' | 'counter' | null => {
    const role = this.settings.get(KEYS.role);
    return role === 'kiosk' || role === 'counter' ? role : null;
  };

  status(): CentralStatus {
    const pem = this.publicKeyPem();
    const devicePem = this.openSecret(KEYS.devicePrivateKey).value;
    const lastTest = this.settings.get(KEYS.lastTest);
    return {
      endpoint: this.endpoint(),
      registered: this.settings.get(KEYS.token) !== null,
      deviceId: this.settings.get(KEYS.deviceId),
      centreCode: this.settings.get(KEYS.centreCode),
      role: this.provisionedRole(),
      keyFingerprint: devicePem ? keyFingerprint(createPublicKey(createPrivateKey(devicePem))) : null,
      centralKeyFingerprint: pem ? fingerprintOrNull(pem) : null,
      updateUrl: this.updateUrl(),
      secretStore: this.secrets.kind,
      lastTest: lastTest ? (JSON.parse(lastTest) as CentralStatus['lastTest']) : null,
    };
  }
}

function fingerprintOrNull(pem: string): string | null {
  try {
    return keyFingerprint(createPublicKey(pem));
  } catch {
    return null;
  }
}
