import { CombinedTransport } from '../../drivers/hid/combined-transport';
import { loadNodeHidTransport } from '../../drivers/hid/node-hid-transport';
import { ReplayTransport } from '../../drivers/hid/replay-transport';
import type { Db } from '../db/connection';
import { DeviceRepository } from '../db/device-repository';
import { DeviceManager, type DeviceManagerDeps } from '../devices/device-manager';

type Wiring = Pick<DeviceManagerDeps, 'today' | 'onScan' | 'onLive' | 'onChanged' | 'replayDir'> & { db: Db };

/** Real HID devices through node-hid when its backend loads, plus recorded ones to replay. */
export function createDevices(wiring: Wiring): DeviceManager {
  const replay = new ReplayTransport({ speed: 4 });
  const transport = new CombinedTransport([replay]);
  let backend: { status: 'ok' | 'unavailable'; error?: string } = { status: 'unavailable', error: 'loading' };
  void loadNodeHidTransport().then((loaded) => {
    if (loaded.backend === 'ok') transport.add(loaded.transport);
    backend = loaded.backend === 'ok' ? { status: 'ok' } : { status: 'unavailable', error: loaded.error };
  });
  return new DeviceManager({ ...wiring, transport, replay, repo: new DeviceRepository(wiring.db), backend: () => backend });
}
