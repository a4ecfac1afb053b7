import { createHash } from 'node:crypto';
import type { ChipAccessKey, ChipDocument, ChipReading } from '../../drivers/smartcard/chip-reading';
import type { ChipSource } from '../../electron/devices/chip-source';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A chip read whose passive and chip authentication hold, for a document (what a genuine card gives). */
export function verifiedReading(document: ChipDocument, overrides: Partial<Omit<ChipReading, 'document'>> = {}): ChipReading {
  return {
    document,
    dataGroups: [1, 13, 14],
    dataGroupHashes: { 1: sha256(`DG1|${document.documentNumber}`), 13: sha256(`DG13|${document.fullName}`), 14: sha256('DG14') },
    passiveAuth: 'valid',
    chipAuth: 'valid',
    ...overrides,
  };
}

/** The chip of the demo mother's card (test/support/host-with-central.ts DEMO_MOTHER). */
export const MOTHER_CHIP = verifiedReading({
  documentNumber: '199012345',
  personalNumber: '079199012345',
  fullName: 'Nguyễn Văn An',
  birthDate: '1999-05-01',
  sex: 'F',
  expiryDate: '2024-05-01',
});

/**
 * A reader with fixed cards on it: a read opens the card whose document number, birth and expiry dates
 * are the key's (as BAC would); another key is refused, as the chip refuses a wrong MRZ key. The keys
 * asked for are kept, so a test can see which key the host derived.
 */
export function fixedChipSource(cards: readonly ChipReading[]): ChipSource & { keys: ChipAccessKey[] } {
  const keys: ChipAccessKey[] = [];
  return {
    keys,
    read: async (key) => {
      keys.push(key);
      const card = cards.find((c) => c.document.documentNumber === key.documentNumber && c.document.birthDate === key.birthDate && c.document.expiryDate === key.expiryDate);
      if (!card) throw new Error('ACCESS_DENIED: the chip refused the key');
      return card;
    },
  };
}
