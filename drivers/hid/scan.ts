/** How reports reach us: boot-keyboard key codes, or HID-POS (usage page 0x8C) raw bytes. */
export type ScanMode = 'keyboard' | 'pos';

/** A scan is capped so a stuck or hostile device cannot grow memory without end. */
export const MAX_SCAN_BYTES = 8192;

export type Symbology = 'QR' | 'Code128' | 'DataMatrix' | 'PDF417' | 'EAN-13' | 'unknown';

export interface ScanText {
  kind: 'scan';
  text: string;
  /** Keyboard mode can only type ASCII: a CCCD name read that way has lost its diacritics. */
  asciiOnly: boolean;
  /** HID-POS only: the symbology named from the AIM identifier … */
  symbology?: Symbology;
  /** … and the identifier itself (e.g. `]Q1`), kept so an unknown one can still be reported. */
  aimId?: string;
  /** UTF-8 length of `text`. */
  bytes: number;
}

export type ScanErrorCode = 'too-long' | 'bad-report' | 'bad-utf8' | 'interrupted' | 'incomplete' | 'device-lost' | 'open-failed';

export interface ScanError {
  kind: 'error';
  code: ScanErrorCode;
  detail?: string;
}

export type ScanEvent = ScanText | ScanError;

export function scanError(code: ScanErrorCode, detail?: string): ScanError {
  return detail === undefined ? { kind: 'error', code } : { kind: 'error', code, detail };
}

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
