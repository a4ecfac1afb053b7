export type HidBackendStatus = { backend: 'ok'; devices: number } | { backend: 'unavailable'; devices: 0; error: string };

/**
 * Whether node-hid's native part loads and can enumerate. A missing libusb or an unbuilt addon
 * is reported, never thrown: the app runs without scanners.
 */
export async function probeHidBackend(): Promise<HidBackendStatus> {
  try {
    const hid = (await import('node-hid')) as { devices(): unknown[]; default?: { devices(): unknown[] } };
    const devices = (hid.default ?? hid).devices();
    return { backend: 'ok', devices: devices.length };
  } catch (error) {
    return { backend: 'unavailable', devices: 0, error: error instanceof Error ? error.message : String(error) };
  }
}
