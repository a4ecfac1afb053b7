import { AppError } from '../contract';
import type { PrinterSystem } from './print-types';

/**
 * Windows: NOT IMPLEMENTED. The system spooler needs its own adapter (queues and state from
 * `Get-Printer` / Win32_Printer, a PDF handed to a PDF-capable print processor, the job from
 * `Get-PrintJob`); nothing here pretends to print. Every call fails with PRINT_UNSUPPORTED, so
 * the document is kept for reprinting and the technician sees why.
 */
export function windowsSpooler(): PrinterSystem {
  const unsupported = () => Promise.reject(new AppError('PRINT_UNSUPPORTED'));
  return { list: unsupported, submit: unsupported, jobs: unsupported, cancel: unsupported };
}
