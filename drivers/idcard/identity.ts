import type { Sex } from './personal-number';

/** What a scan of a citizen's card tells us, whichever side of the card was read. */
export interface CardIdentity {
  /** 12-digit số định danh cá nhân. */
  personalNumber: string;
  /** The CMND number the card replaced, when the QR carries one. */
  oldIdNumber?: string;
  /** NFC; the MRZ spells it in capitals without diacritics. */
  fullName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  sex?: Sex;
  address?: string;
  /** YYYY-MM-DD */
  issueDate?: string;
}

/** One entry per check digit of the MRZ; `false` means the field was misread or altered. */
export interface MrzChecks {
  documentNumber: boolean;
  birthDate: boolean;
  expiryDate: boolean;
  composite: boolean;
  /** Vietnamese CCCD: the check digit after the personal number; TD3: the optional-data check digit. */
  personalNumber?: boolean;
}

export interface MrzResult {
  format: 'TD1' | 'TD2' | 'TD3';
  /** Filler removed: 'P', 'I', 'ID' … */
  documentCode: string;
  /** ICAO state code, filler removed ('D' for Germany). */
  issuingState: string;
  documentNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** YYYY-MM-DD */
  expiryDate: string;
  sex: Sex | 'unspecified';
  nationality: string;
  surname: string;
  givenNames: string;
  /** As printed ('<' kept inside, trailing filler removed); TD1's two fields follow each other. */
  optionalData: string;
  checks: MrzChecks;
}

/** Something the kiosk should show or log although the scan was accepted. */
export type WarningCode =
  /** The birth year disagrees with the century/year digits of the personal number. */
  | 'birth-date-mismatch'
  /** The sex disagrees with the century/sex digit of the personal number. */
  | 'sex-mismatch'
  /** A letter in a numeric MRZ field was read as the digit it resembles. */
  | 'ocr-corrected'
  /** The personal number is not a well-formed one (unknown province, not where the card puts it …). */
  | 'pin-structure';

export interface Warning {
  code: WarningCode;
  /** English, for logs: which field or position. */
  detail?: string;
}

/** Why a scan was refused. */
export type DecodeProblem =
  | 'empty'
  | 'too-long'
  | 'qr-field-count'
  | 'qr-bad-number'
  | 'qr-bad-date'
  | 'qr-bad-sex'
  | 'mrz-shape'
  | 'mrz-bad-characters'
  | 'mrz-bad-sex'
  | 'mrz-bad-date'
  | 'mrz-check-digit';
