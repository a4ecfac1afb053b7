import { performance } from 'node:perf_hooks';
import type { HIDAsync } from 'node-hid';
import { loadNodeHid, type NodeHidModule } from './node-hid-module';
import type { HidConnection, HidDeviceInfo, HidTransport } from './transport';

export type NodeHidTransportStatus = { backend: 'ok'; transport: HidTransport } | { backend: 'unavailable'; error: string };

/** The node-hid transport, or why there is none (no native addon, no libusb/hidraw). */
export async function loadNodeHidTransport(): Promise<NodeHidTransportStatus> {
  const loaded = await loadNodeHid();
  return loaded.ok ? { backend: 'ok', transport: new NodeHidTransport(loaded.hid) } : { backend: 'unavailable', error: loaded.error };
}

/**
 * Real devices through node-hid's async API (reads run on node-hid's thread, not the event loop).
 *
 * Opened exclusively so a scan does not also type into whatever field has focus — but only
 * macOS honours that. On Linux, hidraw reads beside the kernel keyboard driver: a keyboard-mode
 * scanner still types into the focused window unless a udev rule unbinds it from hid-generic
 * input, or the scanner is switched to HID-POS mode (no keyboard collection at all). Windows
 * keeps keyboard collections to itself and hidapi cannot read them: there, HID-POS mode is the
 * only way. Kiosk setup must do one of these; nothing here can.
 */
class NodeHidTransport implements HidTransport {
  constructor(private readonly hid: NodeHidModule) {}

  async list(): Promise<HidDeviceInfo[]> {
    const devices = await this.hid.devicesAsync();
    return devices.flatMap(({ path, vendorId, productId, usagePage, usage, product, manufacturer, serialNumber, interface: iface }) =>
      path === undefined ? [] : [{ path, vendorId, productId, usagePage, usage, product, manufacturer, serialNumber, interface: iface }],
    );
  }

  async open(path: string): Promise<HidConnection> {
    return new NodeHidConnection(await this.hid.HIDAsync.open(path, { nonExclusive: false }));
  }
}

class NodeHidConnection implements HidConnection {
  private readonly closeCallbacks: ((reason?: Error) => void)[] = [];
  private closed = false;

  constructor(private readonly device: HIDAsync) {
    // A read error is how an unplug shows up: the device is gone, so it ends the connection.
    device.on('error', (error: unknown) => void this.end(error instanceof Error ? error : new Error(String(error))));
  }

  onReport(cb: (report: Uint8Array, at: number) => void): void {
    // node-hid starts reading when the first 'data' listener is added, so nothing is read unheard.
    this.device.on('data', (data: Buffer) => cb(new Uint8Array(data), performance.now()));
  }

  onClose(cb: (reason?: Error) => void): void {
    this.closeCallbacks.push(cb);
  }

  close(): Promise<void> {
    return this.end();
  }

  private async end(reason?: Error): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.device.close();
    } catch {
      // Closing a device that is already gone fails; it is closed either way.
    }
    for (const cb of this.closeCallbacks) cb(reason);
  }
}
