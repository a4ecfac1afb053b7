import { dirname } from 'node:path';
import { loadOrCreateDeviceKey, type DeviceKey } from '../security/device-signing';
import { keyFileSecretStore, sealedSettings } from '../security/secret-store';
import { hubSetting, setHubSetting, type HubDb } from './hub-db';

/** The hub's own Ed25519 key, made on first start and kept sealed (key file beside the hub database). */
export function hubKey(db: HubDb, dbPath: string): DeviceKey {
  return loadOrCreateDeviceKey(sealedSettings({ get: (k) => hubSetting(db, k), set: (k, v) => setHubSetting(db, k, v) }, keyFileSecretStore(dirname(dbPath))));
}
