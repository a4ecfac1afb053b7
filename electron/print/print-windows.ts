import { basename } from 'node:path';
import { AppError } from '../contract';
import { runCommand, type CommandRunner } from './print-cups';
import { parseJobs, parsePrinters } from './print-windows-parse';
import type { PrinterSystem } from './print-types';

export interface WindowsSpoolerOptions {
  run?: CommandRunner;
  /** SumatraPDF hands a PDF to a printer's driver (Windows has no PDF print command of its own). */
  sumatraPdf?: string;
}

/** Where SumatraPDF is looked for unless MOTCUA_SUMATRA_PDF names it. */
export const DEFAULT_SUMATRA = 'C:\\Program Files\\SumatraPDF\\SumatraPDF.exe';
const TIMEOUT_MS = 20_000;
/** The job id is `<printer>#<spooler id>`: Remove-PrintJob needs both. */
const SEPARATOR = '#';

/** A PowerShell single-quoted literal: ' (and its typographic cousins, which PowerShell also takes as quotes) doubled. */
export const psQuote = (text: string) => `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;

/** Output as UTF-8 (printer names may be Vietnamese); a failing cmdlet stops the script with a non-zero exit. */
const script = (body: string) => `$ErrorActionPreference = 'Stop'; [Console]::OutputEncoding = [Text.Encoding]::UTF8; ${body}`;

export const LIST_PRINTERS = script(
  "$d = (Get-CimInstance -ClassName Win32_Printer -Filter 'Default=TRUE' | Select-Object -First 1).Name; " +
    'ConvertTo-Json -Compress -InputObject @(Get-Printer | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Status = "$($_.PrinterStatus)"; Default = ($_.Name -eq $d) } })',
);
export const listJobs = (printer: string) =>
  script(`ConvertTo-Json -Compress -InputObject @(Get-PrintJob -PrinterName ${psQuote(printer)} | Select-Object Id, DocumentName)`);
export const removeJob = (printer: string, id: number) => script(`Remove-PrintJob -PrinterName ${psQuote(printer)} -ID ${id}`);

const splitJobId = (jobId: string) => {
  const at = jobId.lastIndexOf(SEPARATOR);
  return { printer: jobId.slice(0, at), id: Number(jobId.slice(at + 1)) };
};

/**
 * Windows: the spooler through PowerShell's print cmdlets (list, jobs, cancel) and SumatraPDF to
 * submit a PDF. Never run on Windows yet: its commands and parsers are unit-tested with recorded
 * output only.
 */
export function windowsSpooler(options: WindowsSpoolerOptions = {}): PrinterSystem {
  const run = options.run ?? runCommand;
  const sumatra = options.sumatraPdf ?? process.env.MOTCUA_SUMATRA_PDF ?? DEFAULT_SUMATRA;
  const powershell = (body: string) => run('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', body], TIMEOUT_MS);
  const jobsOf = async (printer: string) => {
    const { stdout, code } = await powershell(listJobs(printer));
    if (code !== 0) throw new AppError('PRINTER_NOT_FOUND');
    return parseJobs(stdout);
  };
  return {
    async list() {
      const { stdout, stderr, code } = await powershell(LIST_PRINTERS);
      // The Print Spooler service stopped: the cmdlets fail with "The spooler service is not reachable".
      if (/spooler/i.test(stderr)) throw new AppError('PRINT_SERVICE_STOPPED');
      if (code !== 0) throw new AppError('PRINT_JOB_FAILED');
      return parsePrinters(stdout);
    },
    async submit(printer, _title, file) {
      // SumatraPDF names the spooler's job after the file (the kept `<id>.pdf`: no personal data).
      const { code } = await run(sumatra, ['-print-to', printer, '-print-settings', 'noscale', '-silent', file], TIMEOUT_MS).catch((error: unknown) => {
        throw error instanceof AppError && error.data.code === 'PRINT_SYSTEM_MISSING' ? new AppError('PRINT_PDF_HELPER_MISSING') : error;
      });
      if (code !== 0) throw new AppError('PRINT_JOB_FAILED');
      const job = (await jobsOf(printer)).find((j) => j.documentName.includes(basename(file)));
      // Already gone from the queue: an id the queue never lists, so the job counts as done.
      return `${printer}${SEPARATOR}${job?.id ?? 0}`;
    },
    async jobs(printer) {
      return (await jobsOf(printer)).map((j) => `${printer}${SEPARATOR}${j.id}`);
    },
    async cancel(jobId) {
      const { printer, id } = splitJobId(jobId);
      if (id > 0) await powershell(removeJob(printer, id));
    },
  };
}
