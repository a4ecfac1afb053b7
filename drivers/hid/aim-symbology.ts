import type { Symbology } from './scan';

// AIM identifiers (ISO/IEC 15424): `]`, a symbology letter, a modifier. Most symbologies are
// named by the letter; EAN-13 shares `]E` with EAN-8 and add-ons, so it is matched whole.
const BY_PREFIX: ReadonlyMap<string, Symbology> = new Map([
  [']Q', 'QR'],
  [']C', 'Code128'],
  [']d', 'DataMatrix'],
  [']L', 'PDF417'],
]);
const BY_ID: ReadonlyMap<string, Symbology> = new Map([[']E0', 'EAN-13']]);

export function symbologyOf(aimId: string): Symbology {
  return BY_ID.get(aimId) ?? BY_PREFIX.get(aimId.slice(0, 2)) ?? 'unknown';
}
