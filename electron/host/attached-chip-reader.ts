import { join } from 'node:path';
import { todayInVietnam } from '../base/calendar-date';
import { PcscChipSource, type ChipSource } from '../devices/chip-source';

/** The demo's test CSCA under the app's root: trusted in demo mode only (resources/demo/csca/README.txt). */
export const demoTrustDir = (appRoot: string): string => join(appRoot, 'resources', 'demo', 'csca');

/**
 * The PC/SC chip reader for a running host, when the machine has one at start (pcscd running and
 * a reader attached); else none, and the screens offer no chip read. Certificates of the country's
 * CSCA are read from `<data folder>/csca` (PEM or DER files the technician installs); a demo also
 * trusts the demo's test CSCA, so its demo card reads as verified.
 */
export async function attachedChipReader(dataDir: string, demo?: { appRoot: string }): Promise<ChipSource | undefined> {
  const source = new PcscChipSource({
    readerName: () => undefined,
    trustDir: join(dataDir, 'csca'),
    ...(demo ? { demoTrustDir: demoTrustDir(demo.appRoot) } : {}),
    clock: () => new Date(),
    today: () => todayInVietnam(),
  });
  const status = await source.status();
  return status.ok && status.readers.length > 0 ? source : undefined;
}
