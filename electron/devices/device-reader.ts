import { ReopeningDevice } from '../../drivers/hid/hotplug';
import { ScanPipeline } from '../../drivers/hid/pipeline';
import type { ScanError, ScanEvent } from '../../drivers/hid/scan';
import type { HidTransport } from '../../drivers/hid/transport';
import type { DeviceRecord } from '../db/device-repository';

export interface ReaderListener {
  onRaw(report: Uint8Array, at: number): void;
  onEvents(events: ScanEvent[]): void;
  onConnected(connected: boolean, path: string | null): void;
  /** The device went away or cannot be opened: news for the technician, not for a citizen. */
  onTrouble(error: ScanError): void;
}

/** How often a keyboard-mode scan without suffix is checked for its inter-key gap. */
const GAP_CHECK_MS = 25;
const REOPEN_MS = 1000;

/** One assigned device: kept open across unplugs, its reports decoded with its profile. */
export class DeviceReader {
  private readonly pipeline: ScanPipeline;
  private readonly device: ReopeningDevice;
  private readonly gapTimer: ReturnType<typeof setInterval> | undefined;

  constructor(transport: HidTransport, record: DeviceRecord, listener: ReaderListener, clock: () => number) {
    this.pipeline = new ScanPipeline(record.profile.mode, record.profile);
    const match = {
      vendorId: record.vendorId,
      productId: record.productId,
      ...(record.serial ? { serialNumber: record.serial } : {}),
      ...(record.usagePage !== null ? { usagePage: record.usagePage } : {}),
    };
    this.device = new ReopeningDevice(
      transport,
      match,
      {
        onReport: (report, at) => {
          listener.onRaw(report, at);
          listener.onEvents(this.pipeline.push(report, at));
        },
        onOpen: (info) => listener.onConnected(true, info.path),
        onError: (error) => {
          // Lost mid-scan: the unfinished scan reaches the screens as incomplete, not silently dropped.
          if (error.code === 'device-lost') {
            listener.onConnected(false, null);
            listener.onEvents(this.pipeline.abort());
          }
          listener.onTrouble(error);
        },
      },
      REOPEN_MS,
    );
    if (record.profile.mode === 'keyboard') {
      this.gapTimer = setInterval(() => {
        const ended = this.pipeline.flush(clock());
        if (ended.length > 0) listener.onEvents(ended);
      }, GAP_CHECK_MS);
    }
    this.device.start();
  }

  async stop(): Promise<void> {
    clearInterval(this.gapTimer);
    await this.device.stop();
  }
}
