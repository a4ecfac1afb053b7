import type * as NodeHid from 'node-hid';

export type NodeHidModule = typeof NodeHid;

export type NodeHidLoad = { ok: true; hid: NodeHidModule } | { ok: false; error: string };

/**
 * Loads node-hid and its native part. Imported lazily and checked here so that a missing addon
 * or libusb shows up as a status, never as a crash: the app runs without scanners.
 */
export async function loadNodeHid(): Promise<NodeHidLoad> {
  try {
    const loaded = (await import('node-hid')) as NodeHidModule & { default?: NodeHidModule };
    const hid = loaded.default ?? loaded;
    hid.getHidapiVersion(); // node-hid loads its native binding on first use: make that happen here
    return { ok: true, hid };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
