import type { SafeStorage } from 'electron';
import { osSecretStore, type SecretStore } from '../security/secret-store';

/**
 * The OS keyring through safeStorage, once the app is ready; null where it would not protect
 * anything: encryption unavailable, or Linux without a keyring, where safeStorage falls back to
 * a hard-coded password ('basic_text'). The host then uses its key file.
 */
export function electronSecretStore(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>,
  platform: NodeJS.Platform = process.platform,
): SecretStore | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return osSecretStore(safeStorage);
}
