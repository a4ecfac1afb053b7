import { AppError } from '../contract';
import type { PrinterInfo, PrinterList } from './print-types';

/**
 * Parsers of the PowerShell print cmdlets' JSON (`ConvertTo-Json`), kept apart from the commands
 * so they are tested on recorded output. Statuses arrive as the enum's name ("Normal", "Paused",
 * "PaperOut" …) or, from older hosts, as the spooler's PRINTER_STATUS_* bit flags.
 */

/**
 * ConvertTo-Json writes one object for a one-element pipeline and nothing for none. Anything else
 * (a profile's banner, a cut answer) is a failed command, said as such rather than a SyntaxError.
 */
function records(stdout: string): Record<string, unknown>[] {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('PRINT_JOB_FAILED');
  }
  return (Array.isArray(parsed) ? parsed : [parsed]).filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
}

/** PRINTER_STATUS_* flags (MS-RPRN 2.2.3.12) by the names the cmdlets print. */
const FLAGS: [number, string][] = [
  [0x1, 'Paused'],
  [0x2, 'Error'],
  [0x8, 'PaperJam'],
  [0x10, 'PaperOut'],
  [0x40, 'PaperProblem'],
  [0x80, 'Offline'],
  [0x400, 'Printing'],
  [0x1000, 'NotAvailable'],
  [0x400000, 'DoorOpen'],
];

const statusNames = (status: unknown): string[] => {
  // A name or the flags; anything else (an object, whose String() may even throw) says nothing.
  const text = typeof status === 'string' || typeof status === 'number' ? String(status).trim() : '';
  if (/^\d+$/.test(text)) return FLAGS.filter(([bit]) => (Number(text) & bit) !== 0).map(([, name]) => name);
  return text.split(/[\s,]+/).filter(Boolean);
};

/** The Windows states in the words printerProblem() reads (CUPS's `printer-state-reasons`). */
const ALERTS: Record<string, string> = {
  PaperOut: 'media-empty-error',
  PaperJam: 'media-jam-error',
  PaperProblem: 'media-needed-error',
  Offline: 'offline-report',
  NotAvailable: 'offline-report',
  DoorOpen: 'door-open-error',
  Error: 'other-error',
  Paused: 'paused',
};

function printerOf(record: Record<string, unknown>): PrinterInfo | null {
  if (typeof record.Name !== 'string' || record.Name === '') return null;
  const names = statusNames(record.Status);
  const alerts = [...new Set(names.flatMap((n) => (ALERTS[n] ? [ALERTS[n]] : [])))];
  return {
    name: record.Name,
    state: names.includes('Paused') ? 'disabled' : names.includes('Printing') ? 'printing' : 'idle',
    // The spooler has no "reject jobs" switch: a queue takes jobs unless it is being deleted.
    accepting: !names.includes('PendingDeletion'),
    isDefault: record.Default === true,
    alerts,
  };
}

/** `Get-Printer`, with the default from Win32_Printer: `[{Name, Status, Default}]`. */
export function parsePrinters(stdout: string): PrinterList {
  const printers = records(stdout)
    .map(printerOf)
    .filter((p): p is PrinterInfo => p !== null);
  return { printers, defaultPrinter: printers.find((p) => p.isDefault)?.name ?? null };
}

export interface WindowsJob {
  id: number;
  documentName: string;
}

/** `Get-PrintJob`: `[{Id, DocumentName}]`, oldest first as the spooler lists them. */
export const parseJobs = (stdout: string): WindowsJob[] =>
  records(stdout).flatMap((r) => (typeof r.Id === 'number' ? [{ id: r.Id, documentName: typeof r.DocumentName === 'string' ? r.DocumentName : '' }] : []));
