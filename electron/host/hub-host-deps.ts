import type { HubClient } from '../hub/hub-client';
import type { MachineRole } from '../hub/pairing';
import type { FontFiles } from '../print/fonts';
import type { DeviceKey } from '../security/device-signing';
import type { CentralLink } from '../sync/sync-service';
import type { EventBus } from './event-bus';

export type HubSettings = { get(key: string): string | null; set(key: string, value: string): void };

export interface HubJoin {
  url: string;
  code: string;
  role: MachineRole;
}

export interface HubHostDeps {
  settings: HubSettings;
  deviceKey: () => DeviceKey;
  events: EventBus;
  fonts: FontFiles;
  centreName: () => string | null;
  now?: () => Date;
  /** The centre ratings go to (POST /v1/ratings); null while the machine is not registered. */
  centralLink: () => CentralLink | null;
  logError?: (channel: string, error: unknown) => void;
  /** Keep the event stream open (off in tests that only call). */
  listen?: boolean;
}

/** What the channels of each part share: the hub link as it is now, and calls over it. */
export interface HubLinkContext {
  client(): HubClient | null;
  call<T>(op: string, input?: object): Promise<T>;
}
