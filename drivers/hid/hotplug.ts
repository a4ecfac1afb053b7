import { scanError, type ScanError } from './scan';
import type { HidConnection, HidDeviceInfo, HidTransport } from './transport';

export interface DeviceChange {
  added: HidDeviceInfo[];
  removed: HidDeviceInfo[];
}

export interface Watch {
  stop(): void;
}

/**
 * Polls `list()` and reports what appeared or went, by path (devices present at the start count
 * as added). OSes announce hotplug differently and node-hid exposes none of it, so we poll. The
 * next poll is scheduled after the previous answer, so slow enumeration never piles up; a failed
 * poll is skipped rather than read as "everything unplugged".
 */
export function watchDevices(transport: HidTransport, intervalMs: number, onChange: (change: DeviceChange) => void): Watch {
  let known = new Map<string, HidDeviceInfo>();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function poll(): Promise<void> {
    try {
      const current = new Map((await transport.list()).map((device) => [device.path, device]));
      if (stopped) return;
      const added = [...current.values()].filter((device) => !known.has(device.path));
      const removed = [...known.values()].filter((device) => !current.has(device.path));
      known = current;
      if (added.length > 0 || removed.length > 0) onChange({ added, removed });
    } catch {
      // Keep the last known list; the next poll tries again.
    }
    if (!stopped) timer = setTimeout(() => void poll(), intervalMs);
  }

  void poll();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Which device to keep open. Without a serial number, any unit of that model will do. */
export interface DeviceMatch {
  vendorId: number;
  productId: number;
  serialNumber?: string;
  /** A scanner lists one collection per usage (keyboard, POS, vendor): pick the one to read. */
  usagePage?: number;
}

export interface ReopeningListener {
  onReport(report: Uint8Array, at: number): void;
  onOpen?(device: HidDeviceInfo): void;
  /** `device-lost` when the open device goes away; `open-failed` (once per cause) when opening fails. */
  onError(error: ScanError): void;
}

function matches(device: HidDeviceInfo, match: DeviceMatch): boolean {
  return (
    device.vendorId === match.vendorId &&
    device.productId === match.productId &&
    (match.serialNumber === undefined || device.serialNumber === match.serialNumber) &&
    (match.usagePage === undefined || device.usagePage === match.usagePage)
  );
}

/**
 * Keeps one scanner open across unplugs: while it is closed, looks for a matching device every
 * `retryMs` and opens it (its path is usually new after a replug). A failed open is retried too:
 * on Linux the hidraw node can appear before udev has granted access to it.
 */
export class ReopeningDevice {
  private connection: HidConnection | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private lastFailure: string | undefined;

  constructor(
    private readonly transport: HidTransport,
    private readonly match: DeviceMatch,
    private readonly listener: ReopeningListener,
    private readonly retryMs: number,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.attempt();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const connection = this.connection;
    this.connection = null;
    await connection?.close();
  }

  private async attempt(): Promise<void> {
    const device = await this.find();
    if (this.stopped) return;
    if (device !== undefined) {
      try {
        const connection = await this.transport.open(device.path);
        if (this.stopped) await connection.close();
        else this.adopt(connection, device);
        return;
      } catch (error) {
        this.reportFailure(error instanceof Error ? error.message : String(error));
      }
    }
    this.timer = setTimeout(() => void this.attempt(), this.retryMs);
  }

  private async find(): Promise<HidDeviceInfo | undefined> {
    try {
      return (await this.transport.list()).find((device) => matches(device, this.match));
    } catch (error) {
      this.reportFailure(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  private adopt(connection: HidConnection, device: HidDeviceInfo): void {
    this.connection = connection;
    this.lastFailure = undefined;
    connection.onClose((reason) => {
      if (this.connection !== connection) return; // closed by stop()
      this.connection = null;
      this.listener.onError(scanError('device-lost', reason?.message ?? `${device.path} closed`));
      if (!this.stopped) this.timer = setTimeout(() => void this.attempt(), this.retryMs);
    });
    connection.onReport((report, at) => this.listener.onReport(report, at));
    this.listener.onOpen?.(device);
  }

  /** Once per distinct cause: a scanner without udev access would otherwise fail every retry. */
  private reportFailure(message: string): void {
    if (message === this.lastFailure) return;
    this.lastFailure = message;
    this.listener.onError(scanError('open-failed', message));
  }
}
