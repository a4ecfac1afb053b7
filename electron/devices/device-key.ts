import type { HidDeviceInfo } from '../../drivers/hid/transport';
import type { DeviceProfile } from '../contract';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** Stable across replugs (the OS path is not): model, serial, and which collection of it. */
export const deviceKey = (d: Pick<HidDeviceInfo, 'vendorId' | 'productId' | 'serialNumber' | 'usagePage'>) =>
  `${hex4(d.vendorId)}:${hex4(d.productId)}:${d.serialNumber ?? ''}:${d.usagePage === undefined ? '' : hex4(d.usagePage)}`;

/** HID-POS collections (usage page 0x8C) speak POS; everything else is read as a keyboard. */
export const HID_POS_USAGE_PAGE = 0x8c;

export const defaultProfile = (d: Pick<HidDeviceInfo, 'usagePage'>): DeviceProfile => ({
  mode: d.usagePage === HID_POS_USAGE_PAGE ? 'pos' : 'keyboard',
  layout: 'us',
  suffix: 'enter',
  interKeyGapMs: 100,
});

export const hexBytes = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
