import type { HidConnection, HidDeviceInfo, HidTransport } from './transport';

/** Several sources as one (node-hid and the replay devices): each opens what it listed. */
export class CombinedTransport implements HidTransport {
  private readonly owner = new Map<string, HidTransport>();

  constructor(private readonly transports: HidTransport[]) {}

  /** node-hid loads asynchronously; it joins when ready. */
  add(transport: HidTransport): void {
    this.transports.push(transport);
  }

  async list(): Promise<HidDeviceInfo[]> {
    const lists = await Promise.all(this.transports.map(async (t) => ({ t, devices: await t.list() })));
    this.owner.clear();
    for (const { t, devices } of lists) for (const d of devices) this.owner.set(d.path, t);
    return lists.flatMap((l) => l.devices);
  }

  async open(path: string): Promise<HidConnection> {
    const transport = this.owner.get(path);
    if (!transport) throw new Error(`no device at ${path}`);
    return transport.open(path);
  }
}
