import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { CombinedTransport } from '../../drivers/hid/combined-transport';
import { parseFixture, ReplayTransport, type ReplayDevice } from '../../drivers/hid/replay-transport';
import type { ScanResult } from '../../electron/contract';
import { openDatabase } from '../../electron/db/connection';
import { DeviceRepository } from '../../electron/db/device-repository';
import { DeviceManager } from '../../electron/devices/device-manager';
import { makeTempDir } from '../support/temp-dir';
import { until } from '../support/until';

const tmp = makeTempDir('motcua-replug-');
let manager: DeviceManager | undefined;
afterEach(() => manager?.stop());
afterAll(() => tmp.cleanup());

const fixture = (name: string, path: string) => {
  const device = parseFixture(readFileSync(join('test/fixtures/hid', `${name}.hex`), 'utf8'), path);
  if ('code' in device) throw new Error(device.detail);
  return device as ReplayDevice;
};

it('an assigned scanner unplugged between scans disconnects quietly, and its settings apply again when it is plugged back on a new path', async () => {
  const { db } = openDatabase(join(tmp.dir, 'd.db'), 'electron/db/migrations');
  const replay = new ReplayTransport({ speed: Number.POSITIVE_INFINITY });
  const scans: ScanResult[] = [];
  let changes = 0;
  manager = new DeviceManager({
    transport: new CombinedTransport([replay]),
    backend: () => ({ status: 'ok' }),
    replay,
    replayDir: join(tmp.dir, 'none'),
    repo: new DeviceRepository(db),
    today: () => '2026-11-23',
    onScan: (_key, result) => scans.push(result),
    onLive: () => {},
    onChanged: () => changes++,
    pollMs: 20,
  });
  manager.start();
  replay.plug(fixture('pos-single-packet-code128', '/dev/hidraw3'));
  await until(() => manager!.overview().devices.length === 1);
  const [device] = manager.overview().devices;
  await manager.assign(device!.key, 'barcode-scanner', device!.profile);
  await until(() => scans.length === 1);
  expect(scans[0]).toEqual({ kind: 'receipt', receiptCode: 'HS-2024-000123' });

  replay.unplug('/dev/hidraw3');
  await until(() => manager!.overview().devices[0]?.connected === false);
  // Unplugged between scans: nothing for a citizen to see.
  expect(scans).toHaveLength(1);

  replay.plug(fixture('pos-single-packet-code128', '/dev/hidraw7'));
  await until(() => scans.length === 2);
  expect(scans[1]).toEqual({ kind: 'receipt', receiptCode: 'HS-2024-000123' });
  expect(manager.overview().devices[0]).toMatchObject({ role: 'barcode-scanner', path: '/dev/hidraw7' });
  expect(changes).toBeGreaterThan(0);
  await manager.stop();
  db.close();
});
