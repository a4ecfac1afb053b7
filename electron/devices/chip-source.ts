import type { ChipAccessKey, ChipReading } from '../../drivers/smartcard/chip-reading';

/**
 * Where the host reads an ID card's chip: the PC/SC reader in production (drivers/smartcard), a
 * source of fixed readings in tests. It opens the chip with the MRZ key, reads and verifies it, and
 * resolves with what it found, verified or not (passiveAuth says); it rejects only when nothing
 * could be read (no reader, no card, the chip refused the key, the card pulled out).
 */
export interface ChipSource {
  read(key: ChipAccessKey): Promise<ChipReading>;
}
