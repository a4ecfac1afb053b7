/** One HID collection as the OS lists it; a scanner may show several (keyboard, POS, vendor). */
export interface HidDeviceInfo {
  /** OS handle for `open`; changes when the device is plugged in again. */
  path: string;
  vendorId: number;
  productId: number;
  usagePage?: number;
  usage?: number;
  product?: string;
  manufacturer?: string;
  serialNumber?: string;
  interface?: number;
}

export interface HidConnection {
  /** `at` is a monotonic time in ms, for framing by gaps. */
  onReport(cb: (report: Uint8Array, at: number) => void): void;
  /** A reason means the device was lost (unplugged, read error); none means `close()` was called. */
  onClose(cb: (reason?: Error) => void): void;
  close(): Promise<void>;
}

/** Where devices come from: node-hid on a kiosk, recorded fixtures in tests and demos. */
export interface HidTransport {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidConnection>;
}
