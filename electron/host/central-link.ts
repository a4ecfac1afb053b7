import type { SettingsRepository } from '../db/settings-repository';
import type { CentralLink } from '../sync/sync-service';

const KEYS = { url: 'central.url', token: 'central.token', publicKeyPem: 'central.publicKeyPem' } as const;

export function saveCentralLink(settings: SettingsRepository, link: CentralLink): void {
  settings.set(KEYS.url, link.url);
  settings.set(KEYS.token, link.token);
  settings.set(KEYS.publicKeyPem, link.publicKeyPem);
}

/** The configured central system, or null until a technician (or the demo) sets one. */
export function centralLink(settings: SettingsRepository): CentralLink | null {
  const url = settings.get(KEYS.url);
  const token = settings.get(KEYS.token);
  const publicKeyPem = settings.get(KEYS.publicKeyPem);
  return url && token && publicKeyPem ? { url, token, publicKeyPem } : null;
}
