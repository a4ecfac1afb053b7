import { join } from 'node:path';
import { todayInVietnam } from '../base/calendar-date';
import { PcscChipSource, type ChipSource } from '../devices/chip-source';

/**
 * The PC/SC chip reader for a running host, when the machine has one at start (pcscd running and
 * a reader attached); else none, and the screens offer no chip read. Certificates of the country's
 * CSCA are read from `<data folder>/csca` (PEM or DER files the technician installs).
 */
export async function attachedChipReader(dataDir: string): Promise<ChipSource | undefined> {
  const source = new PcscChipSource({ readerName: () => undefined, trustDir: join(dataDir, 'csca'), clock: () => new Date(), today: () => todayInVietnam() });
  const status = await source.status();
  return status.ok && status.readers.length > 0 ? source : undefined;
}
