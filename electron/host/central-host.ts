import { AppError, type CentralStatus, type ChannelInput, type SyncStatus } from '../contract';
import type { Db } from '../db/connection';
import { SettingsRepository } from '../db/settings-repository';
import { SyncStateRepository } from '../db/sync-state-repository';
import type { SecretStore } from '../security/secret-store';
import { CHANGES_FEED } from '../sync/apply-batch';
import type { CentralLink, SyncService } from '../sync/sync-service';
import type { DeviceKey } from '../security/device-signing';
import { registerDevice, testCentral } from './central-calls';
import { CentralSettings } from './central-link';
import { provisionAtStart, type ProvisioningRead } from './provisioning';

/** A centre the host enrols with on its own at start (the demo, with its simulator and a demo code). */
export interface AutoEnrolment {
  url: string;
  publicKeyPem: string;
  enrolmentCode: string;
  centreCode: string;
}

export interface CentralHostDeps {
  db: Db;
  secrets: SecretStore;
  /** Builds the sync service for the link of the moment; it is built again when the link changes. */
  makeSync(link: CentralLink | null): SyncService;
  startSync: boolean;
  /** A link given whole (CLI flags, tests). */
  link?: CentralLink;
  enrol?: AutoEnrolment;
  /** Folders a provisioning file may sit in (next to the app). */
  provisioningDirs?: readonly string[];
  logError?: (channel: string, error: unknown) => void;
  /** The machine's signing key, registered with the centre (which checks identity evidence against it). */
  deviceKey: () => DeviceKey;
  fetch?: typeof fetch;
}

/** The central link's settings, the sync service that uses it, and the technician's channels. */
export function centralHost(deps: CentralHostDeps) {
  const central = new CentralSettings(new SettingsRepository(deps.db), deps.secrets);
  central.migrateClearToken();
  const provisioning: ProvisioningRead = provisionAtStart(central, deps.provisioningDirs ?? [], deps.logError);
  if (deps.link) central.saveLink(deps.link);

  let sync = deps.makeSync(central.link());
  if (deps.startSync) sync.start();
  let relinking: Promise<void> = Promise.resolve();
  /** The token or endpoint changed: the running sync stops, one with the new link takes over. */
  const relink = (): Promise<void> =>
    (relinking = relinking.then(async () => {
      await sync.stop();
      sync = deps.makeSync(central.link());
      if (deps.startSync) sync.start();
    }));

  const register = async ({ enrolmentCode, centreCode, role }: ChannelInput<'central.register'>): Promise<CentralStatus> => {
    const endpoint = central.endpoint();
    if (endpoint === null || central.publicKeyPem() === null) throw new AppError('CENTRAL_NOT_CONFIGURED');
    const registration = await registerDevice({
      endpoint,
      enrolmentCode,
      centreCode,
      role: role ?? central.provisionedRole() ?? 'kiosk',
      deviceKey: deps.deviceKey(),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    central.saveRegistration(registration);
    await relink();
    return central.status();
  };

  // The demo's centre: pinned, then enrolled once per endpoint (a new simulator port is a new centre).
  let enrolling: Promise<unknown> = Promise.resolve();
  if (deps.enrol) {
    const { url, publicKeyPem, enrolmentCode, centreCode } = deps.enrol;
    central.configure(url, publicKeyPem);
    if (!central.status().registered) {
      enrolling = register({ enrolmentCode, centreCode }).catch((error: unknown) => deps.logError?.('central.enrol', error));
    }
  }

  return {
    central,
    provisioning,
    current: (): SyncStatus => sync.current(),
    syncNow: (): Promise<SyncStatus> => sync.syncNow(),
    retryNow: (): Promise<SyncStatus> => sync.retryNow(),
    auditRecorded: (): void => sync.auditRecorded(),
    stop: async (): Promise<void> => {
      await enrolling;
      await relinking;
      await sync.stop();
    },
    handlers: {
      'central.status': () => central.status(),
      'central.configure': async ({ endpoint, centralPublicKeyPem, updateUrl }: ChannelInput<'central.configure'>) => {
        central.configure(endpoint, centralPublicKeyPem, updateUrl);
        await relink();
        return central.status();
      },
      'central.register': register,
      'central.test': async () => {
        const link = central.link();
        const cursor = new SyncStateRepository(deps.db).cursor(CHANGES_FEED);
        const outcome = central.endpoint() === null || central.publicKeyPem() === null ? 'not-configured' : link === null ? 'not-registered' : await testCentral(link, cursor, deps.fetch);
        return central.recordTest(outcome, new Date());
      },
    },
  };
}
