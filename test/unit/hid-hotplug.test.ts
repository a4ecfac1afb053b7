import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReopeningDevice, watchDevices, type DeviceChange } from '../../drivers/hid/hotplug';
import { ScanPipeline } from '../../drivers/hid/pipeline';
import { parseFixture, ReplayTransport, type ReplayDevice } from '../../drivers/hid/replay-transport';
import type { ScanError, ScanEvent } from '../../drivers/hid/scan';
import type { HidConnection, HidDeviceInfo, HidTransport } from '../../drivers/hid/transport';

function fixture(name: string, path = `replay:${name}`): ReplayDevice {
  const device = parseFixture(readFileSync(join(__dirname, '../fixtures/hid', name), 'utf8'), path);
  if (!('reports' in device)) throw new Error(device.detail);
  return device;
}

const paths = (change: DeviceChange) => ({ added: change.added.map((d) => d.path), removed: change.removed.map((d) => d.path) });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchDevices', () => {
  it('reports devices present at start, then what is plugged and unplugged, by path', async () => {
    const transport = new ReplayTransport({ speed: Infinity });
    transport.plug(fixture('pos-single-packet-code128.hex', 'a'));
    const changes: ReturnType<typeof paths>[] = [];
    const watch = watchDevices(transport, 500, (change) => changes.push(paths(change)));
    await vi.advanceTimersByTimeAsync(0);
    expect(changes).toEqual([{ added: ['a'], removed: [] }]);

    transport.plug(fixture('keyboard-us-cccd-qr.hex', 'b'));
    await vi.advanceTimersByTimeAsync(500);
    transport.unplug('a');
    await vi.advanceTimersByTimeAsync(500);
    await vi.advanceTimersByTimeAsync(5000); // nothing changes: nothing reported
    expect(changes).toEqual([
      { added: ['a'], removed: [] },
      { added: ['b'], removed: [] },
      { added: [], removed: ['a'] },
    ]);

    watch.stop();
    transport.unplug('b');
    await vi.advanceTimersByTimeAsync(5000);
    expect(changes).toHaveLength(3);
  });

  it('skips a failed poll instead of reporting everything as removed', async () => {
    const device: HidDeviceInfo = { path: 'p', vendorId: 1, productId: 2 };
    const list = vi.fn<() => Promise<HidDeviceInfo[]>>().mockResolvedValueOnce([device]).mockRejectedValueOnce(new Error('busy')).mockResolvedValue([device]);
    const changes: DeviceChange[] = [];
    watchDevices({ list, open: () => Promise.reject(new Error('unused')) }, 100, (change) => changes.push(change));
    await vi.advanceTimersByTimeAsync(250);
    expect(list).toHaveBeenCalledTimes(3);
    expect(changes).toEqual([{ added: [device], removed: [] }]);
  });

  it('does not overlap polls when list() is slower than the interval', async () => {
    let running = 0;
    let overlapped = false;
    const list = async () => {
      overlapped ||= running > 0;
      running++;
      await new Promise((resolve) => setTimeout(resolve, 300));
      running--;
      return [];
    };
    const watch = watchDevices({ list, open: () => Promise.reject(new Error('unused')) }, 100, () => {});
    await vi.advanceTimersByTimeAsync(2000);
    watch.stop();
    expect(overlapped).toBe(false);
  });
});

describe('ReopeningDevice', () => {
  const POS = { vendorId: 0x0c2e, productId: 0x0b61, serialNumber: 'SYN-POS-0001' };

  function listen() {
    const pipeline = new ScanPipeline('pos');
    const events: (ScanEvent | string)[] = [];
    return {
      events,
      listener: {
        onReport: (report: Uint8Array, at: number) => events.push(...pipeline.push(report, at)),
        onOpen: (device: HidDeviceInfo) => events.push(`open ${device.path}`),
        onError: (error: ScanError) => events.push(...pipeline.abort(), error),
      },
    };
  }
  const summary = (events: (ScanEvent | string)[]) => events.map((e) => (typeof e === 'string' ? e : e.kind === 'scan' ? e.text : e.code));

  it('opens the device, reports its loss, and reopens it at its new path when it comes back', async () => {
    const transport = new ReplayTransport({ speed: Infinity });
    const { events, listener } = listen();
    const device = new ReopeningDevice(transport, POS, listener, 200);
    device.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual([]); // nothing plugged yet: it keeps looking, quietly

    transport.plug(fixture('pos-qr-vietnamese-name.hex', '/dev/hidraw3'));
    await vi.advanceTimersByTimeAsync(200);
    transport.unplug('/dev/hidraw3');
    await vi.advanceTimersByTimeAsync(1000);
    transport.plug(fixture('pos-single-packet-code128.hex', '/dev/hidraw5'));
    await vi.advanceTimersByTimeAsync(200);

    expect(summary(events)).toEqual([
      'open /dev/hidraw3',
      '079199012345|025123456|Nguyễn Văn An|01051999|Nữ|Số 1 Bến Nghé, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10102021',
      'device-lost',
      'open /dev/hidraw5',
      'HS-2024-000123',
    ]);
    expect(events[2]).toEqual({ kind: 'error', code: 'device-lost', detail: 'device-lost: /dev/hidraw3 unplugged' });
    await device.stop();
  });

  it('a scan cut by the unplug is incomplete, not a scan', async () => {
    const transport = new ReplayTransport({ speed: 1 });
    const { events, listener } = listen();
    transport.plug(fixture('pos-truncated.hex', '/dev/hidraw1')); // its last QR never finishes
    const device = new ReopeningDevice(transport, POS, listener, 200);
    device.start();
    await vi.advanceTimersByTimeAsync(3100);
    transport.unplug('/dev/hidraw1');
    expect(summary(events)).toEqual(['open /dev/hidraw1', 'bad-report', 'HS-2024-000123', 'incomplete', 'device-lost']);
    await device.stop();
  });

  it('ignores a unit with another serial number, and collections of another usage page', async () => {
    const transport = new ReplayTransport({ speed: Infinity });
    const other = fixture('pos-single-packet-code128.hex', 'other');
    transport.plug({ ...other, info: { ...other.info, serialNumber: 'SOMEONE-ELSE' } });
    transport.plug(fixture('keyboard-us-cccd-qr.hex', 'keyboard')); // same vendor, another product
    const { events, listener } = listen();
    const device = new ReopeningDevice(transport, { ...POS, usagePage: 0x8c }, listener, 200);
    device.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual([]);
    await device.stop();
  });

  it('retries a failed open, reporting each cause once', async () => {
    const info: HidDeviceInfo = { path: '/dev/hidraw0', vendorId: POS.vendorId, productId: POS.productId, serialNumber: POS.serialNumber };
    const connection: HidConnection = { onReport: () => {}, onClose: () => {}, close: async () => {} };
    const open = vi
      .fn<(path: string) => Promise<HidConnection>>()
      .mockRejectedValueOnce(new Error('EACCES'))
      .mockRejectedValueOnce(new Error('EACCES'))
      .mockResolvedValue(connection);
    const transport: HidTransport = { list: async () => [info], open };
    const { events, listener } = listen();
    const device = new ReopeningDevice(transport, POS, listener, 200);
    device.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(open).toHaveBeenCalledTimes(3);
    expect(events).toEqual([{ kind: 'error', code: 'open-failed', detail: 'EACCES' }, 'open /dev/hidraw0']);
    await device.stop();
  });

  it('stop() closes the connection without reporting a loss, and stops looking', async () => {
    const transport = new ReplayTransport({ speed: Infinity });
    transport.plug(fixture('pos-single-packet-code128.hex', 'p'));
    const { events, listener } = listen();
    const list = vi.spyOn(transport, 'list');
    const device = new ReopeningDevice(transport, POS, listener, 200);
    device.start();
    await vi.advanceTimersByTimeAsync(0);
    await device.stop();
    const calls = list.mock.calls.length;
    await vi.advanceTimersByTimeAsync(2000);
    expect(summary(events)).toEqual(['open p', 'HS-2024-000123']);
    expect(list.mock.calls.length).toBe(calls);
  });
});
