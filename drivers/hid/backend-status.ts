import { loadNodeHid } from './node-hid-module';

export type HidBackendStatus = { backend: 'ok'; devices: number } | { backend: 'unavailable'; devices: 0; error: string };

/**
 * Whether node-hid's native part loads and can enumerate. A missing libusb or an unbuilt addon
 * is reported, never thrown: the app runs without scanners.
 */
export async function probeHidBackend(): Promise<HidBackendStatus> {
  const loaded = await loadNodeHid();
  if (!loaded.ok) return { backend: 'unavailable', devices: 0, error: loaded.error };
  try {
    return { backend: 'ok', devices: loaded.hid.devices().length };
  } catch (error) {
    return { backend: 'unavailable', devices: 0, error: error instanceof Error ? error.message : String(error) };
  }
}
