import { existsSync } from 'node:fs';
import { ChipError, type ChipErrorCode } from '../../drivers/smartcard/chip-error';
import type { ChipAccessKey, ChipReading } from '../../drivers/smartcard/chip-reading';
import type { VietnamPersonalData } from '../../drivers/smartcard/dg13-vietnam';
import { listReaders } from '../../drivers/smartcard/pcsc-reader';
import type { FaceImage } from '../../drivers/smartcard/dg2-face';
import { readFaceOnReader, readOnReader } from '../../drivers/smartcard/read-on-reader';
import { loadCscaCertificates } from '../../drivers/smartcard/trust-list';

/**
 * Where the host reads an ID card's chip: the PC/SC reader in production (drivers/smartcard), a
 * source of fixed readings in tests. It opens the chip with the MRZ key, reads and verifies it, and
 * resolves with what it found, verified or not (passiveAuth says); it rejects only when nothing
 * could be read (no reader, no card, the chip refused the key, the card pulled out).
 */
export interface ChipSource {
  read(key: ChipAccessKey): Promise<ChipReading>;
  /** The portrait (DG2) for the officer's eyes, when the SOD signs it; absent where no face can be read. */
  readFace?(key: ChipAccessKey): Promise<FaceImage>;
}

export interface ChipSourceOptions {
  /** The reader the technician chose; when absent, the first one PC/SC lists. */
  readerName: () => string | undefined;
  /** The folder of CSCA certificates the technician installed (read again at each read). */
  trustDir: string;
  /** Demo mode only: the demo's test CSCA (resources/demo/csca), trusted beside the technician's. */
  demoTrustDir?: string;
  clock: () => Date;
  /** Today in Vietnam, YYYY-MM-DD. */
  today: () => string;
}

export type ChipSourceStatus = { ok: true; readers: string[] } | { ok: false; code: ChipErrorCode };

/**
 * The ID card's chip for the host: PC/SC readers and a verified read with the MRZ key. Failures are
 * ChipErrors whose code the host words for the citizen; the face (DG2) only on readFace, for the counter.
 */
export class PcscChipSource implements ChipSource {
  constructor(private readonly options: ChipSourceOptions) {}

  readers(): Promise<string[]> {
    return listReaders();
  }

  /** For the technician's Devices panel: the readers, or why there are none (no pcscd, no binding). */
  async status(): Promise<ChipSourceStatus> {
    try {
      return { ok: true, readers: await listReaders() };
    } catch (error) {
      return { ok: false, code: error instanceof ChipError ? error.code : 'NO_READER' };
    }
  }

  private async reader(): Promise<string> {
    const reader = this.options.readerName() ?? (await listReaders())[0];
    if (reader === undefined) throw new ChipError('NO_READER', 'no PC/SC reader attached');
    return reader;
  }

  async readFace(key: ChipAccessKey): Promise<FaceImage> {
    return readFaceOnReader(await this.reader(), key);
  }

  async read(key: ChipAccessKey): Promise<ChipReading & { personalData: VietnamPersonalData }> {
    const reader = await this.reader();
    const dirs = [this.options.trustDir, ...(this.options.demoTrustDir === undefined ? [] : [this.options.demoTrustDir])];
    const cscas = dirs.filter((dir) => existsSync(dir)).flatMap((dir) => loadCscaCertificates(dir));
    const { reading } = await readOnReader(reader, key, { cscas, now: this.options.clock(), today: this.options.today() });
    return reading;
  }
}
