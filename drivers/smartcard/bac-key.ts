import { createHash } from 'node:crypto';
import { icaoCheckDigit } from '../idcard/icao-check-digit';
import type { ChipAccessKey } from './chip-reading';
import { sessionKeysFromSeed, type SessionKeys } from './sm-crypto';

const yymmdd = (isoDate: string): string => isoDate.slice(2).replaceAll('-', '');

/**
 * The document number as the MRZ and BAC use it. A Vietnamese 12-digit personal number stands for the
 * card whose MRZ document number is its last 9 digits (see drivers/idcard/mrz-vietnam.ts); shorter
 * numbers are padded with '<' to 9 characters (Doc 9303 Part 11 §9.7.2; a longer one keeps every character).
 */
export function mrzDocumentNumber(documentNumber: string): string {
  const upper = documentNumber.toUpperCase();
  if (/^[0-9]{12}$/.test(upper)) return upper.slice(3);
  return upper.padEnd(9, '<');
}

/** Doc 9303 Part 11 §9.7.2: document number, birth and expiry dates, each with its check digit. */
export function mrzInformation(key: ChipAccessKey): string {
  const field = (text: string) => `${text}${icaoCheckDigit(text)}`;
  return field(mrzDocumentNumber(key.documentNumber)) + field(yymmdd(key.birthDate)) + field(yymmdd(key.expiryDate));
}

/** The BAC keys K_enc and K_mac from the MRZ information. */
export function bacKeys(key: ChipAccessKey): SessionKeys {
  const seed = createHash('sha1').update(mrzInformation(key), 'ascii').digest().subarray(0, 16);
  return sessionKeysFromSeed(seed);
}
