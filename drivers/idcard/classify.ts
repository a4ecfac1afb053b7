import { parseCccdQr, type CccdQrOutcome } from './cccd-qr';
import { MRZ_LINE_LENGTHS, mrzLines } from './mrz-layout';
import { parseMrz, type MrzOutcome } from './mrz';
import { scanTextProblem } from './scan-limits';

export type ClassifiedScan =
  | ({ kind: 'cccd-qr' } & CccdQrOutcome)
  | ({ kind: 'mrz' } & MrzOutcome)
  /** A hand-off from another MotCua device; the dossier code reads what follows the prefix. */
  | { kind: 'handoff'; ok: true; text: string }
  | { kind: 'receipt'; ok: true; receiptCode: string }
  | { kind: 'barcode'; ok: true; text: string }
  | { kind: 'unreadable'; ok: false; problem: 'empty' | 'too-long' };

const HANDOFF_PREFIX = 'MOTCUA1:';

/**
 * A receipt code of the central system: letters/digits, dots and dashes, at least one dash; 6–40
 * characters, beginning and ending with a letter or digit (e.g. H01.01-261123-0001).
 */
const RECEIPT_CODE = /^(?=[^-]*-)[A-Z0-9][A-Z0-9.-]{4,38}[A-Z0-9]$/;

/** OCR may drop, add or misread a character or two; the MRZ parser then says precisely what is wrong. */
const MRZ_LENGTH_SLACK = 2;
const MRZ_FOREIGN_CHARACTERS_ALLOWED = 2;

function looksLikeMrz(text: string): boolean {
  const lines = mrzLines(text);
  const mrzShaped = (line: string) =>
    MRZ_LINE_LENGTHS.some((length) => Math.abs(line.length - length) <= MRZ_LENGTH_SLACK) &&
    line.replace(/[A-Z0-9<]/g, '').length <= MRZ_FOREIGN_CHARACTERS_ALLOWED;
  return (lines.length === 2 || lines.length === 3) && lines.every(mrzShaped) && text.includes('<');
}

function looksLikeCccdQr(text: string): boolean {
  const fields = text.split('|');
  return fields.length >= 6 && /^[0-9]{12}$/.test(fields[0]!.trim());
}

/**
 * Tells what a scanner or reader delivered and reads it. Never throws: any text gets an answer.
 * `today` is the current day in Vietnam, YYYY-MM-DD.
 */
export function classifyScan(text: string, today: string): ClassifiedScan {
  const limit = scanTextProblem(text);
  if (limit !== null) return { kind: 'unreadable', ok: false, problem: limit };
  const trimmed = text.trim();
  if (trimmed.startsWith(HANDOFF_PREFIX)) return { kind: 'handoff', ok: true, text: trimmed };
  if (looksLikeMrz(trimmed)) return { kind: 'mrz', ...parseMrz(trimmed, today) };
  if (looksLikeCccdQr(trimmed)) return { kind: 'cccd-qr', ...parseCccdQr(trimmed, today) };
  if (RECEIPT_CODE.test(trimmed)) return { kind: 'receipt', ok: true, receiptCode: trimmed };
  return { kind: 'barcode', ok: true, text: trimmed };
}
