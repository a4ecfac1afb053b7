import { AppError, appError, type AppErrorData } from '../contract';
import type { DocumentKind, PrinterChoice } from './print-settings';
import type { KeptDocument, ReprintStore } from './print-reprint';
import type { PrinterInfo, PrinterList, PrinterSystem } from './print-types';

export interface PrintRequest {
  kind: DocumentKind;
  /** The job's title in the queue (the document's file name: no personal data). */
  title: string;
  pdf: Uint8Array;
  /** Overrides the kind's configured printer (a technician's test page). */
  printer?: string;
}

export type PrintOutcome =
  | { status: 'printed'; printer: string; jobId: string }
  /** Not printed: the calm error to show, and the kept document an officer can reprint. */
  | { status: 'kept'; error: AppErrorData; reprintId: string; path: string };

export interface PrintServiceDeps {
  system: PrinterSystem;
  choice: PrinterChoice;
  reprints: ReprintStore;
  /** How long a job may wait in the queue before it counts as failed. */
  jobTimeoutMs?: number;
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Why a queue cannot print now, from its state; null when it can. */
export function printerProblem(printer: PrinterInfo | undefined): AppError | null {
  if (!printer) return new AppError('PRINTER_NOT_FOUND');
  if (printer.alerts.some((a) => a.startsWith('media-empty') || a.startsWith('media-needed'))) return new AppError('PRINTER_OUT_OF_PAPER');
  // `offline-report`: CUPS keeps such a queue idle while its jobs wait for the device.
  if (printer.state === 'disabled' || !printer.accepting || printer.alerts.some((a) => a.startsWith('offline'))) return new AppError('PRINTER_OFFLINE');
  return null;
}

/**
 * Prints PDFs on the printer chosen for their kind and waits for the job to leave the queue.
 * The document is kept (ReprintStore) before it is sent and dropped only once printed.
 */
export class PrintService {
  private readonly jobTimeoutMs: number;
  private readonly pollMs: number;

  constructor(private readonly deps: PrintServiceDeps) {
    this.jobTimeoutMs = deps.jobTimeoutMs ?? 60_000;
    this.pollMs = deps.pollMs ?? 500;
  }

  printers(): Promise<PrinterList> {
    return this.deps.system.list();
  }

  /** A queue's waiting jobs, for the technician's view of it. */
  queue(printer: string): Promise<string[]> {
    return this.deps.system.jobs(printer);
  }

  async print(request: PrintRequest): Promise<PrintOutcome> {
    const kept = this.deps.reprints.keep(request.pdf, { title: request.title, kind: request.kind });
    return this.send(kept, request.printer);
  }

  /** Prints a kept document again, on its kind's printer unless `printer` is given. */
  async reprint(id: string, printer?: string): Promise<PrintOutcome> {
    const kept = this.deps.reprints.get(id);
    if (!kept) throw new AppError('REPRINT_NOT_FOUND');
    return this.send(kept, printer);
  }

  private async send(kept: KeptDocument, override?: string): Promise<PrintOutcome> {
    try {
      const { printer, jobId } = await this.submit(kept, override);
      await this.watch(printer, jobId);
      this.deps.reprints.remove(kept.id);
      return { status: 'printed', printer, jobId };
    } catch (error) {
      const data = error instanceof AppError ? error.data : appError('PRINT_JOB_FAILED');
      this.deps.reprints.markFailed(kept.id, data.code);
      return { status: 'kept', error: data, reprintId: kept.id, path: kept.path };
    }
  }

  private async submit(kept: KeptDocument, override?: string): Promise<{ printer: string; jobId: string }> {
    const { printers, defaultPrinter } = await this.deps.system.list();
    const printer = override ?? this.deps.choice.get(kept.kind) ?? defaultPrinter;
    if (!printer) throw new AppError('PRINTER_NOT_CHOSEN');
    const problem = printerProblem(printers.find((p) => p.name === printer));
    if (problem) throw problem;
    return { printer, jobId: await this.deps.system.submit(printer, kept.title, kept.path) };
  }

  /** Until the job leaves the queue; a queue that stops or a job that overstays fails it (and is cancelled, so it cannot print later as a duplicate). */
  private async watch(printer: string, jobId: string): Promise<void> {
    const deadline = Date.now() + this.jobTimeoutMs;
    for (;;) {
      if (!(await this.deps.system.jobs(printer)).includes(jobId)) return;
      const problem = printerProblem((await this.deps.system.list()).printers.find((p) => p.name === printer));
      if (problem || Date.now() > deadline) {
        await this.deps.system.cancel(jobId).catch(() => undefined);
        throw problem ?? new AppError('PRINT_JOB_FAILED');
      }
      await sleep(this.pollMs);
    }
  }
}
