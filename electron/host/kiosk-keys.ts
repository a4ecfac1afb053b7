import { AppError } from '../contract';
import type { SettingsRepository } from '../db/settings-repository';
import { exportPublicKeyPem, keyIdOf, trustedKeys, type DeviceKey, type TrustedKeys } from '../security/device-signing';

/** The kiosks' public keys (JSON list of SPKI PEM) a technician registered on this counter. */
export const TRUSTED_KIOSK_KEYS = 'kiosk.trustedKeys';

/**
 * The keys a counter verifies hand-offs with: this machine's own (a kiosk and counter sharing
 * one machine, as in the demo) and every registered kiosk. A stored key that no longer parses
 * is reported and skipped, never a reason to trust nothing.
 */
export function kioskKeys(settings: SettingsRepository, own: () => DeviceKey, logError: (what: string, error: unknown) => void = () => {}) {
  const registered = (): string[] => {
    try {
      const list: unknown = JSON.parse(settings.get(TRUSTED_KIOSK_KEYS) ?? '[]');
      return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
    } catch (error) {
      logError('kiosk.trustedKeys', error);
      return [];
    }
  };
  const parsed = (pem: string): TrustedKeys | null => {
    try {
      return trustedKeys([pem]);
    } catch {
      return null;
    }
  };
  return {
    trusted(): TrustedKeys {
      const keys = new Map([[own().keyId, own().publicKey]]);
      for (const pem of registered()) {
        const one = parsed(pem);
        if (one) for (const [id, key] of one) keys.set(id, key);
        else logError('kiosk.trustedKeys', new Error('a registered kiosk key is not an Ed25519 public key; skipped'));
      }
      return keys;
    },
    own: () => ({ pem: exportPublicKeyPem(own()), keyId: own().keyId }),
    /** Registers a kiosk's key; returns the ids of every registered key. Throws KIOSK_KEY_INVALID. */
    trust(pem: string): string[] {
      const one = parsed(pem.trim());
      if (!one) throw new AppError('KIOSK_KEY_INVALID', ['pem']);
      const pems = [...registered().filter((p) => parsed(p)?.keys().next().value !== one.keys().next().value), pem.trim()];
      settings.set(TRUSTED_KIOSK_KEYS, JSON.stringify(pems));
      return pems.flatMap((p) => [...(parsed(p)?.values() ?? [])].map(keyIdOf));
    },
  };
}

export type KioskKeys = ReturnType<typeof kioskKeys>;
