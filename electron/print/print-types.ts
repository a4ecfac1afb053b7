/** What the app knows of a print queue; names are the system's queue names. */
export type PrinterState = 'idle' | 'printing' | 'disabled';

export interface PrinterInfo {
  name: string;
  state: PrinterState;
  /** Whether the queue takes new jobs (`cupsreject` turns this off while the printer may still be enabled). */
  accepting: boolean;
  isDefault: boolean;
  /** The system's state reasons, e.g. `media-empty-error`, `paused`; `none` is left out. */
  alerts: string[];
}

export interface PrinterList {
  printers: PrinterInfo[];
  defaultPrinter: string | null;
}

/**
 * One operating system's printing: CUPS on Linux, the spooler on Windows. Failures are thrown
 * as AppError with a PRINT*_ code, so callers never see a command's own message.
 */
export interface PrinterSystem {
  list(): Promise<PrinterList>;
  /** Queues the PDF at `file`; resolves with the system's job id. */
  submit(printer: string, title: string, file: string): Promise<string>;
  /** The ids of the queue's jobs not yet completed, oldest first. */
  jobs(printer: string): Promise<string[]>;
  cancel(jobId: string): Promise<void>;
}
