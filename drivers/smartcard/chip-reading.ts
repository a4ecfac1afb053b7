/**
 * What a read of an ID card's chip (ICAO 9303 eMRTD: the chip CCCD and the 2024 "thẻ căn cước")
 * yields: the document as the chip states it and how far that statement can be trusted. The
 * smart-card reader produces it; the host turns it into a turn's `chip` assurance evidence.
 */

/** The MRZ-derived key that opens the chip (BAC/PACE): document number, birth and expiry dates. */
export interface ChipAccessKey {
  documentNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** YYYY-MM-DD */
  expiryDate: string;
}

/** The document as read from DG1 (MRZ) and DG13 (Vietnam's personal data group). */
export interface ChipDocument {
  documentNumber: string;
  /** The 12-digit personal number. */
  personalNumber: string;
  /** Full name with diacritics (from DG13; DG1's MRZ name has none). */
  fullName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F' | 'X';
  /** YYYY-MM-DD */
  expiryDate: string;
}

/** Passive authentication: data-group hashes against the SOD, the SOD's signature, the signer against a CSCA. */
export type PassiveAuthResult = 'valid' | 'invalid' | 'untrusted' | 'expired';
/** Chip (DG14) or active (DG15) authentication: tells a copied chip from the real one. */
export type ChipAuthResult = 'valid' | 'invalid' | 'absent';

export interface ChipReading {
  document: ChipDocument;
  /** The data groups read, by number (1, 13, 14, …). */
  dataGroups: number[];
  /** SHA-256 (lowercase hex) of each data group's bytes as read, by data-group number. */
  dataGroupHashes: Record<number, string>;
  passiveAuth: PassiveAuthResult;
  chipAuth: ChipAuthResult;
}
