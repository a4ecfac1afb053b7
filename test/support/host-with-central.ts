import { join } from 'node:path';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { createHost, type Host } from '../../electron/host/create-host';
import { loadOrCreateDeviceKey, type DeviceKey } from '../../electron/security/device-signing';
import { keyFileSecretStore, sealedSettings } from '../../electron/security/secret-store';
import type { Session } from '../../electron/host/session';
import { startCentralSim, type CentralSim, type CentralSimOptions } from './central-sim/server';
import { makeTempDir } from './temp-dir';
import { fixedChipSource, MOTHER_CHIP } from './test-chip-source';
import type { ChipSource } from '../../electron/devices/chip-source';

/** The mother on the demo card recordings; the demo centre has her spouse and a newborn on record. */
export const DEMO_MOTHER = { personalNumber: '079199012345', birthDate: '1999-05-01', cardIssueDate: '2021-10-10', fullName: 'Nguyễn Văn An', source: 'card' as const };

export interface HostWithCentral {
  host: Host;
  /** The running centre; replaced by `restartCentral`. */
  sim: CentralSim;
  dir: string;
  /** Brings the centre back on the same port, token, key and data after a test stopped it. */
  restartCentral(): Promise<CentralSim>;
  close(): Promise<void>;
}

/**
 * A demo host on a real SQLite file, linked to a real central simulator on loopback (no HID; no
 * sync loop unless `sync`), with the demo mother's card on its chip reader (test/support/test-chip-source.ts). The centre keeps its data and key in files, so a test can stop it and
 * bring it back.
 */
export async function startHostWithCentral(name: string, { sync = false, chipSource = fixedChipSource([MOTHER_CHIP]) as ChipSource } = {}): Promise<HostWithCentral> {
  const tmp = makeTempDir(`motcua-${name}-`);
  const files: CentralSimOptions = { db: join(tmp.dir, 'central.db'), keyDir: join(tmp.dir, 'central-key'), cases: 3, seed: name };
  const sim = await startCentralSim(files);
  const host = createHost({
    appRoot: process.cwd(),
    dbPath: join(tmp.dir, 'motcua.db'),
    demo: true,
    transport: 'browser',
    version: 'test',
    devices: false,
    sync,
    central: { url: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem },
    chipSource,
  });
  const running: HostWithCentral = {
    host,
    sim,
    dir: tmp.dir,
    restartCentral: async () => (running.sim = await startCentralSim({ ...files, port: running.sim.port, token: running.sim.token })),
    close: async () => {
      await host.close();
      // A test may have stopped the centre already, to see the app without it.
      await running.sim.close().catch(() => undefined);
      tmp.cleanup();
    },
  };
  return running;
}

/** A channel call through the host's router that returns the value, or throws with the typed error as `data`. */
export const hostCall =
  (host: () => Host) =>
  async <T>(session: Session, channel: string, input: unknown): Promise<T> => {
    const r = await host().router.dispatch(session, channel, input);
    if (!r.ok) throw Object.assign(new Error(r.error.code), { data: r.error });
    return r.value as T;
  };

/** The host's own kiosk signing key, opened as the host opens it (sealed with the key file beside its database). */
export const hostDeviceKey = (running: HostWithCentral): DeviceKey =>
  loadOrCreateDeviceKey(sealedSettings(new SettingsRepository(running.host.db), keyFileSecretStore(running.dir)));

/** The citizen the session serves puts their card on the reader: the turn's assurance becomes `chip`. */
export const openWithChip = async (call: ReturnType<typeof hostCall>, session: Session, citizen: typeof DEMO_MOTHER = DEMO_MOTHER): Promise<void> => {
  await call(session, 'citizen.open', citizen);
  await call(session, 'identity.readChip', {});
};
