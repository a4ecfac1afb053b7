import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { watchDevices, type Watch } from '../../drivers/hid/hotplug';
import { parseFixture, type ReplayTransport } from '../../drivers/hid/replay-transport';
import type { ScanEvent } from '../../drivers/hid/scan';
import type { HidDeviceInfo, HidTransport } from '../../drivers/hid/transport';
import { classifyScan } from '../../drivers/idcard/classify';
import { AppError, type DeviceProfile, type DeviceRole, type DeviceView, type ScanResult } from '../contract';
import type { DeviceRecord, DeviceRepository } from '../db/device-repository';
import { defaultProfile, deviceKey, hexBytes } from './device-key';
import { DeviceReader } from './device-reader';
import { deviceErrorResult, toScanResult } from './scan-results';

export interface LiveReport {
  key: string;
  at: number;
  raw?: string;
  result?: ScanResult;
}

export interface DeviceManagerDeps {
  transport: HidTransport;
  backend: () => { status: 'ok' | 'unavailable'; error?: string };
  /** Recorded devices for "test without hardware"; `replayDir` holds their `.hex` streams. */
  replay: ReplayTransport;
  replayDir: string;
  repo: DeviceRepository;
  today: () => string;
  onScan(key: string, result: ScanResult): void;
  onLive(report: LiveReport): void;
  onChanged(): void;
  pollMs?: number;
  clock?: () => number;
}

const REPLAY_PREFIX = 'replay:';

/**
 * The peripherals of this machine: what is plugged in, what each assigned device is for, and
 * its decoded scans routed to the screens. Assignments persist and re-apply on replug.
 */
export class DeviceManager {
  private readonly present = new Map<string, HidDeviceInfo>();
  private readonly readers = new Map<string, { reader: DeviceReader; connected: boolean }>();
  private readonly testing = new Set<string>();
  private watch: Watch | undefined;
  private readonly clock: () => number;

  constructor(private readonly deps: DeviceManagerDeps) {
    this.clock = deps.clock ?? (() => performance.now());
  }

  start(): void {
    this.watch = watchDevices(this.deps.transport, this.deps.pollMs ?? 1000, (change) => {
      for (const d of change.removed) this.present.delete(deviceKey(d));
      for (const d of change.added) this.present.set(deviceKey(d), d);
      this.deps.onChanged();
    });
    for (const record of this.deps.repo.all()) if (record.role !== 'none') this.startReader(record);
  }

  async stop(): Promise<void> {
    this.watch?.stop();
    await Promise.all([...this.readers.values()].map(({ reader }) => reader.stop()));
    this.readers.clear();
  }

  overview() {
    const records = new Map(this.deps.repo.all().map((r) => [r.key, r]));
    const keys = new Set([...this.present.keys(), ...records.keys()]);
    return {
      backend: this.deps.backend(),
      devices: [...keys].sort().map((key) => this.view(key)),
      replays: this.replayNames(),
    };
  }

  async assign(key: string, role: DeviceRole, profile: DeviceProfile): Promise<DeviceView> {
    const record = { ...this.recordFor(key), role, profile };
    this.deps.repo.save(record);
    await this.stopReader(key);
    if (role !== 'none' || this.testing.has(key)) this.startReader(record);
    return this.view(key);
  }

  async test(key: string, on: boolean): Promise<DeviceView> {
    const record = this.recordFor(key);
    if (on) this.testing.add(key);
    else this.testing.delete(key);
    // A device under test is read even before it has a role, so the technician sees what it sends.
    if (on && !this.readers.has(key)) this.startReader(record);
    if (!on && record.role === 'none') await this.stopReader(key);
    return this.view(key);
  }

  /** Plugs (again) the recorded device `name`: it replays its stream once opened. */
  async replay(name: string): Promise<DeviceView> {
    if (!this.replayNames().includes(name)) throw new AppError('DEVICE_UNKNOWN');
    const path = `${REPLAY_PREFIX}${name}`;
    const device = parseFixture(readFileSync(join(this.deps.replayDir, `${name}.hex`), 'utf8'), path);
    if ('code' in device) throw new AppError('HID_BAD_REPORT');
    const key = deviceKey(device.info);
    // One recording at a time: recorded devices may share a model and serial, as real ones do not.
    for (const plugged of await this.deps.replay.list()) this.deps.replay.unplug(plugged.path);
    this.deps.replay.plug(device);
    this.present.set(key, device.info);
    // Reopen now rather than at the next poll, so the stream is read at once.
    const record = this.deps.repo.get(key);
    if (this.readers.has(key) && record) {
      await this.stopReader(key);
      this.startReader(record);
    }
    return this.view(key);
  }

  private replayNames(): string[] {
    try {
      return readdirSync(this.deps.replayDir)
        .filter((f) => f.endsWith('.hex'))
        .map((f) => basename(f, '.hex'))
        .sort();
    } catch {
      return [];
    }
  }

  private recordFor(key: string): DeviceRecord {
    const saved = this.deps.repo.get(key);
    if (saved) return saved;
    const info = this.present.get(key);
    if (!info) throw new AppError('DEVICE_UNKNOWN');
    return {
      key,
      vendorId: info.vendorId,
      productId: info.productId,
      serial: info.serialNumber ?? null,
      usagePage: info.usagePage ?? null,
      name: info.product ?? `${info.vendorId.toString(16)}:${info.productId.toString(16)}`,
      role: 'none',
      profile: defaultProfile(info),
    };
  }

  private view(key: string): DeviceView {
    const record = this.recordFor(key);
    const info = this.present.get(key);
    return {
      key,
      path: info?.path ?? null,
      vendorId: record.vendorId,
      productId: record.productId,
      usagePage: record.usagePage,
      product: info?.product ?? record.name,
      serialNumber: record.serial,
      connected: this.readers.get(key)?.connected ?? false,
      role: record.role,
      profile: record.profile,
      testing: this.testing.has(key),
    };
  }

  private startReader(record: DeviceRecord): void {
    const entry = { connected: false, reader: undefined as unknown as DeviceReader };
    entry.reader = new DeviceReader(
      this.deps.transport,
      record,
      {
        onRaw: (report, at) => {
          if (this.testing.has(record.key)) this.deps.onLive({ key: record.key, at, raw: hexBytes(report) });
        },
        onEvents: (events) => events.forEach((e) => this.deliver(record, e)),
        onConnected: (connected) => {
          entry.connected = connected;
          this.deps.onChanged();
        },
        onTrouble: (error) => {
          if (this.testing.has(record.key)) this.deps.onLive({ key: record.key, at: this.clock(), result: deviceErrorResult(error.code) });
          this.deps.onChanged();
        },
      },
      this.clock,
    );
    this.readers.set(record.key, entry);
  }

  private async stopReader(key: string): Promise<void> {
    const entry = this.readers.get(key);
    this.readers.delete(key);
    await entry?.reader.stop();
  }

  private deliver(record: DeviceRecord, event: ScanEvent): void {
    const result = event.kind === 'scan' ? toScanResult(classifyScan(event.text, this.deps.today()), event.asciiOnly) : deviceErrorResult(event.code);
    if (this.testing.has(record.key)) this.deps.onLive({ key: record.key, at: this.clock(), result });
    // A device under test without a role sends nothing to screens (readers restart on assign).
    if (record.role !== 'none') this.deps.onScan(record.key, result);
  }
}
