// A CCCD QR is a few hundred bytes and an MRZ under a hundred: the scanners' cap is far beyond any card.
import { MAX_SCAN_BYTES } from '../hid/scan';

/** The refusals every reader shares: nothing scanned, or far more than a card holds. */
export function scanTextProblem(text: string): 'empty' | 'too-long' | null {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so the length test spares encoding a huge string.
  if (text.length > MAX_SCAN_BYTES || Buffer.byteLength(text, 'utf8') > MAX_SCAN_BYTES) return 'too-long';
  if (text.trim() === '') return 'empty';
  return null;
}
