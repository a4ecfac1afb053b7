import { parseReportLines, type ReportFileError } from './report-lines';
import type { ScanMode } from './scan';
import type { HidConnection, HidDeviceInfo, HidTransport } from './transport';

/** A recorded device: what it lists as, how it speaks, and what it sent when. */
export interface ReplayDevice {
  info: HidDeviceInfo;
  mode: ScanMode;
  reports: Uint8Array[];
  /** ms since the first report. */
  timestamps: number[];
}

const HEADER_FIELD = /(\w+)=("[^"]*"|\S+)/g;
const NUMBER_FIELDS = ['vendorId', 'productId', 'usagePage', 'usage', 'interface'] as const;
const TEXT_FIELDS = ['product', 'manufacturer', 'serialNumber'] as const;

/**
 * Reads a fixture: report lines (see `parseReportLines`) under a header comment such as
 * `# vendorId=0x0c2e productId=0x0b61 usagePage=0x8c product="…" mode=pos`.
 */
export function parseFixture(text: string, path: string): ReplayDevice | ReportFileError {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((line) => /^#.*\bvendorId=/.test(line));
  const fields = new Map([...(lines[index] ?? '').matchAll(HEADER_FIELD)].map(([, key, value]) => [key!, value!.replace(/^"|"$/g, '')]));
  const badHeader = (detail: string): ReportFileError => ({ kind: 'error', code: 'bad-header', line: index + 1, detail });
  if (index < 0) return badHeader('no "# vendorId=… productId=… mode=…" header');

  const info: HidDeviceInfo = { path, vendorId: 0, productId: 0 };
  for (const key of NUMBER_FIELDS) {
    const value = fields.get(key);
    if (value === undefined) continue;
    const number = Number(value);
    if (!Number.isInteger(number)) return badHeader(`${key}=${value} is not a number`);
    info[key] = number;
  }
  for (const key of TEXT_FIELDS) {
    const value = fields.get(key);
    if (value !== undefined) info[key] = value;
  }
  if (!fields.has('vendorId') || !fields.has('productId')) return badHeader('vendorId and productId are required');
  const mode = fields.get('mode');
  if (mode !== 'keyboard' && mode !== 'pos') return badHeader(`mode=${mode ?? ''} is not keyboard or pos`);

  const parsed = parseReportLines(text);
  if (parsed.kind === 'error') return parsed;
  return { info, mode, reports: parsed.reports, timestamps: parsed.timestamps };
}

export interface ReplayOptions {
  /** 1 replays at recorded speed, 2 twice as fast; Infinity (tests) delivers everything at once. */
  speed?: number;
  /** Where replayed time starts; reports arrive stamped `start + recorded time`, whatever the speed. */
  clock?: () => number;
}

export interface ReplayConnection extends HidConnection {
  /** Settles once every recorded report was delivered, or the connection closed. */
  readonly finished: Promise<void>;
}

/**
 * Serves recorded devices as if plugged in. Replay starts when the first report listener is
 * added, and each `open` replays from the beginning. Reports carry recorded times, so framing
 * decides the same at any speed.
 */
export class ReplayTransport implements HidTransport {
  private readonly devices = new Map<string, ReplayDevice>();
  private readonly connections = new Set<ReplayDeviceConnection>();

  constructor(private readonly options: ReplayOptions = {}) {
    if (!((options.speed ?? 1) > 0)) throw new RangeError('replay speed must be above 0');
  }

  plug(device: ReplayDevice): void {
    this.devices.set(device.info.path, device);
  }

  /** Pulls the cable: the device leaves the list and its connections close as lost. */
  unplug(path: string): void {
    this.devices.delete(path);
    for (const connection of this.connections) {
      if (connection.path === path) connection.end(new Error(`device-lost: ${path} unplugged`));
    }
  }

  async list(): Promise<HidDeviceInfo[]> {
    return [...this.devices.values()].map((device) => ({ ...device.info }));
  }

  async open(path: string): Promise<ReplayConnection> {
    const device = this.devices.get(path);
    if (device === undefined) throw new Error(`no replay device at ${path}`);
    const connection = new ReplayDeviceConnection(path, device, this.options, () => this.connections.delete(connection));
    this.connections.add(connection);
    return connection;
  }
}

class ReplayDeviceConnection implements ReplayConnection {
  readonly finished: Promise<void>;
  private readonly reportCallbacks: ((report: Uint8Array, at: number) => void)[] = [];
  private readonly closeCallbacks: ((reason?: Error) => void)[] = [];
  private closed = false;
  private started!: () => void;
  private wake: (() => void) | undefined;

  constructor(
    readonly path: string,
    private readonly device: ReplayDevice,
    private readonly options: ReplayOptions,
    private readonly forget: () => void,
  ) {
    this.finished = new Promise<void>((resolve) => (this.started = resolve)).then(() => this.replay());
  }

  onReport(cb: (report: Uint8Array, at: number) => void): void {
    this.reportCallbacks.push(cb);
    this.started();
  }

  onClose(cb: (reason?: Error) => void): void {
    this.closeCallbacks.push(cb);
  }

  async close(): Promise<void> {
    this.end();
  }

  end(reason?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.forget();
    this.started(); // a replay never started has nothing left to wait for
    this.wake?.();
    for (const cb of this.closeCallbacks) cb(reason);
  }

  private async replay(): Promise<void> {
    const speed = this.options.speed ?? 1;
    const start = (this.options.clock ?? (() => performance.now()))();
    let previous = 0;
    for (const [index, report] of this.device.reports.entries()) {
      const recorded = this.device.timestamps[index] ?? previous;
      await this.sleep((recorded - previous) / speed);
      if (this.closed) return;
      previous = recorded;
      try {
        for (const cb of this.reportCallbacks) cb(report.slice(), start + recorded);
      } catch (error) {
        // As with node-hid, a listener that throws ends the connection instead of escaping.
        this.end(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  /** Waits, unless the connection closes first. */
  private sleep(ms: number): Promise<void> {
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
