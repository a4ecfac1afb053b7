import { readFileSync } from 'node:fs';
import { decodeReports } from '../../drivers/hid/decode-reports';
import { parseReportLines } from '../../drivers/hid/report-lines';
import type { ScanErrorCode, ScanEvent, ScanMode } from '../../drivers/hid/scan';
import { classifyScan, type ClassifiedScan } from '../../drivers/idcard/classify';
import type { Warning } from '../../drivers/idcard/identity';
import { parseMrz } from '../../drivers/idcard/mrz';
import { appError, type AppErrorData } from '../contract';
import { deviceErrorResult, toScanResult, warningText } from '../devices/scan-results';
import { todayInVietnam } from '../base/calendar-date';

/**
 * `motcua decode` — an exact interface other tools depend on:
 *   {"ok":true,"kind":"cccd-qr"|"mrz"|"handoff"|"barcode","identity":{…},"mrz":{…},"warnings":[…]}
 *   {"ok":false,"error":{"code","message"}}            (exit 1)
 *   {"ok":true,"scans":[…]}                            (--reports)
 * Fields that do not apply are absent. A failed MRZ check digit is ok:false with `mrz` still shown.
 */
export type DecodeJson = Record<string, unknown> & { ok: boolean };

const bilingual = (t: { vi: string; en: string }) => `${t.vi} / ${t.en}`;

const errorJson = (error: AppErrorData) => ({ code: error.code, message: bilingual(error.message) });

const warningJson = (warnings: Warning[]) =>
  warnings.map((w) => ({ code: w.code, ...(w.detail ? { detail: w.detail } : {}), message: bilingual(warningText(w.code)) }));

/** One classified scan as the CLI prints it. */
export function scanJson(scan: ClassifiedScan, asciiOnly: boolean): DecodeJson {
  const result = toScanResult(scan, asciiOnly);
  if (!scan.ok) {
    const mrz = scan.kind === 'mrz' && scan.mrz ? { kind: 'mrz', mrz: scan.mrz } : {};
    return { ok: false, ...mrz, error: errorJson(result.kind === 'error' ? result.error : appError('INTERNAL')) };
  }
  switch (scan.kind) {
    case 'cccd-qr':
      // Keyboard mode cannot type Vietnamese letters: say so, the name must come from elsewhere.
      return { ok: true, kind: 'cccd-qr', identity: scan.identity, ...(asciiOnly ? { asciiOnly } : {}), warnings: warningJson(scan.warnings) };
    case 'mrz':
      return { ok: true, kind: 'mrz', ...(scan.identity ? { identity: scan.identity } : {}), mrz: scan.mrz, warnings: warningJson(scan.warnings) };
    case 'handoff':
      return { ok: true, kind: 'handoff', text: scan.text, warnings: [] };
    case 'receipt':
      return { ok: true, kind: 'barcode', text: scan.receiptCode, receiptCode: scan.receiptCode, warnings: [] };
    case 'barcode':
      return { ok: true, kind: 'barcode', text: scan.text, warnings: [] };
  }
}

function deviceErrorJson(code: ScanErrorCode): DecodeJson {
  const result = deviceErrorResult(code);
  return { ok: false, error: errorJson(result.kind === 'error' ? result.error : appError('INTERNAL')) };
}

const eventJson = (event: ScanEvent, today: string): DecodeJson =>
  event.kind === 'scan' ? scanJson(classifyScan(event.text, today), event.asciiOnly) : deviceErrorJson(event.code);

export interface DecodeRequest {
  qr?: string;
  mrz?: string;
  reports?: string;
  mode?: string;
  layout?: string;
}

const usage = (message: string): DecodeJson => ({ ok: false, error: { code: 'BAD_INPUT', message } });

export function decode(request: DecodeRequest, today = todayInVietnam()): DecodeJson {
  const given = [request.qr, request.mrz, request.reports].filter((x) => x !== undefined).length;
  if (given !== 1) return usage('Dùng đúng một trong --qr, --mrz, --reports / Give exactly one of --qr, --mrz, --reports');
  if (request.qr !== undefined) return scanJson(classifyScan(request.qr, today), false);
  if (request.mrz !== undefined) return scanJson({ kind: 'mrz', ...parseMrz(request.mrz, today) }, false);
  if (request.mode !== 'keyboard' && request.mode !== 'pos') return usage('--mode phải là keyboard hoặc pos / --mode must be keyboard or pos');
  if (request.layout !== undefined && request.layout !== 'us') return usage(`Không có bố cục bàn phím / no such keyboard layout: ${request.layout}`);
  let text: string;
  try {
    text = readFileSync(request.reports!, 'utf8');
  } catch (error) {
    return usage(`Không đọc được tệp / cannot read file: ${(error as Error).message}`);
  }
  const lines = parseReportLines(text);
  if (lines.kind === 'error') return usage(`Dòng ${lines.line}: ${lines.detail} / line ${lines.line}: ${lines.detail}`);
  const mode: ScanMode = request.mode;
  const events = decodeReports(lines.reports, mode, { layout: 'us', timestamps: lines.timestamps });
  return { ok: true, scans: events.map((e) => eventJson(e, today)) };
}

