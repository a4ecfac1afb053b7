import type { ClassifiedScan } from '../../drivers/idcard/classify';
import type { DecodeProblem, Warning, WarningCode } from '../../drivers/idcard/identity';
import type { ScanErrorCode } from '../../drivers/hid/scan';
import { appError, decodeProcedureCodes, type ErrorCode, type LocalizedText, type ScanResult } from '../contract';

const PROBLEMS: Record<DecodeProblem, ErrorCode> = {
  empty: 'SCAN_EMPTY',
  'too-long': 'SCAN_TOO_LONG',
  'qr-field-count': 'QR_FIELD_COUNT',
  'qr-bad-number': 'QR_BAD_NUMBER',
  'qr-bad-date': 'QR_BAD_DATE',
  'qr-bad-sex': 'QR_BAD_SEX',
  'mrz-shape': 'MRZ_SHAPE',
  'mrz-bad-characters': 'MRZ_BAD_CHARACTERS',
  'mrz-bad-sex': 'MRZ_BAD_SEX',
  'mrz-bad-date': 'MRZ_BAD_DATE',
  'mrz-check-digit': 'MRZ_CHECK_DIGIT',
};

const DEVICE_ERRORS: Record<ScanErrorCode, ErrorCode> = {
  'too-long': 'SCAN_TOO_LONG',
  'bad-report': 'HID_BAD_REPORT',
  'bad-utf8': 'HID_BAD_UTF8',
  interrupted: 'HID_INTERRUPTED',
  incomplete: 'HID_INTERRUPTED',
  'device-lost': 'HID_DEVICE_LOST',
  'open-failed': 'HID_OPEN_FAILED',
};

/** Shown to the officer beside an accepted scan: the data is used, but someone should look. */
const WARNINGS: Record<WarningCode, LocalizedText> = {
  'birth-date-mismatch': {
    vi: 'Ngày sinh trên thẻ không khớp với năm sinh trong số định danh: hãy kiểm tra giấy tờ gốc.',
    en: 'The birth date on the card disagrees with the year in the personal number: check the original document.',
  },
  'sex-mismatch': {
    vi: 'Giới tính trên thẻ không khớp với chữ số giới tính trong số định danh: hãy kiểm tra giấy tờ gốc.',
    en: 'The sex on the card disagrees with the sex digit of the personal number: check the original document.',
  },
  'ocr-corrected': {
    vi: 'Máy đọc nhầm chữ thành số (như O/0, I/1, S/5) ở ô chỉ có số và đã được sửa tự động.',
    en: 'The reader mistook letters for digits (such as O/0, I/1, S/5) in numeric fields; they were corrected.',
  },
  'pin-structure': {
    vi: 'Số định danh cá nhân không đúng cấu trúc (mã tỉnh hoặc vị trí trên thẻ).',
    en: 'The personal number is not well formed (province code or position on the card).',
  },
};

export const deviceErrorResult = (code: ScanErrorCode): ScanResult => ({ kind: 'error', error: appError(DEVICE_ERRORS[code]) });

export const warningText = (code: WarningCode): LocalizedText => WARNINGS[code];

const warningTexts = (warnings: Warning[]) => [...new Set(warnings.map((w) => w.code))].map(warningText);

/** A classified scan as screens see it: identities with their warnings, problems as typed errors. */
export function toScanResult(scan: ClassifiedScan, asciiOnly: boolean): ScanResult {
  if (!scan.ok) return { kind: 'error', error: appError(PROBLEMS[scan.problem]) };
  switch (scan.kind) {
    case 'cccd-qr':
      return { kind: 'identity', source: 'cccd-qr', identity: scan.identity, asciiOnly, warnings: warningTexts(scan.warnings) };
    case 'mrz':
      // A passport or foreign card has no Vietnamese personal number: it is a document, not an identity here.
      return scan.identity
        ? { kind: 'identity', source: 'mrz', identity: scan.identity, asciiOnly, warnings: warningTexts(scan.warnings) }
        : { kind: 'barcode', text: `${scan.mrz.documentCode} ${scan.mrz.issuingState} ${scan.mrz.documentNumber}` };
    case 'receipt':
      return { kind: 'receipt', receiptCode: scan.receiptCode };
    case 'handoff':
      return { kind: 'handoff', text: scan.text };
    case 'barcode': {
      const codes = decodeProcedureCodes(scan.text);
      return codes ? { kind: 'procedures', codes } : { kind: 'barcode', text: scan.text };
    }
  }
}
