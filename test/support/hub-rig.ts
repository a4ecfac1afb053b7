import { join } from 'node:path';
import { pairWithHub, HubClient, type HubClientOptions } from '../../electron/hub/hub-client';
import type { MachineRole } from '../../electron/hub/pairing';
import { startHub } from '../../electron/hub/start-hub';
import { loadOrCreateDeviceKey, type DeviceKey } from '../../electron/security/device-signing';
import { makeTempDir } from './temp-dir';

export const PAIRING_CODE = 'TEST-CODE-2026';

/** A fresh Ed25519 device key, as a machine makes on first use. */
export function newDeviceKey(): DeviceKey {
  const store = new Map<string, string>();
  return loadOrCreateDeviceKey({ get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) });
}

/** A hub on 127.0.0.1 (ephemeral port) over a fresh SQLite file, on a clock the test moves. */
export async function startTestHub(options: { now?: () => Date; heartbeatMs?: number } = {}) {
  const temp = makeTempDir('motcua-hub-');
  const dir = temp.dir;
  const open = (port: number) =>
    startHub({
    appRoot: process.cwd(),
      dbPath: join(dir, 'hub.db'),
      port,
      listen: '127.0.0.1',
      pairingCode: PAIRING_CODE,
      ...(options.now ? { now: options.now } : {}),
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    });
  let hub = await open(0);
  const url = `http://127.0.0.1:${hub.port}`;
  let down = false;
  return {
    get hub() {
      return hub;
    },
    url,
    /** The hub goes away (its machines keep their link). */
    async stop() {
      await hub.closeAll();
      down = true;
    },
    /** The same hub back: same port, same database, same key. */
    async restart() {
      hub = await open(hub.port);
      down = false;
    },
    /** Pairs a new machine of this role and gives its client (events not started). */
    async machine(role: MachineRole, extra: Partial<HubClientOptions> = {}) {
      const key = newDeviceKey();
      const link = await pairWithHub(url, PAIRING_CODE, role, key);
      return new HubClient({ link, key, ...(options.now ? { now: () => options.now!().getTime() } : {}), ...extra });
    },
    async close() {
      if (!down) await hub.closeAll();
      temp.cleanup();
    },
  };
}
