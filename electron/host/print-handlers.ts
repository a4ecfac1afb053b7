import { AppError, appError, ERROR_MESSAGES, type ErrorCode, type PrintedDocument, type PrintersOverview, type PrintOutcomeView } from '../contract';
import type { FontFiles } from '../print/fonts';
import type { PrintOutcome } from '../print/print-service';
import { DOCUMENT_KINDS, type DocumentKind } from '../print/print-settings';
import { renderTestPage } from '../print/print-test-page';
import type { Printing } from '../print/printers';
import type { Handlers } from './router';

export interface PrintHandlerDeps {
  printing: Printing;
  fonts: FontFiles;
  clock?: () => Date;
}

/** The contract's view of an outcome: the kept file's path stays in the host. */
const outcomeView = (outcome: PrintOutcome): PrintOutcomeView =>
  outcome.status === 'printed' ? { status: 'printed', printer: outcome.printer, jobId: outcome.jobId } : { status: 'kept', error: outcome.error, reprintId: outcome.reprintId };

const reasonOf = (code: string | null) => (code === null ? null : appError(code in ERROR_MESSAGES ? (code as ErrorCode) : 'PRINT_JOB_FAILED'));

/** The channels whose documents go to a printer, and the paper each needs (the comparison and receipt are A4). */
type PrintedChannel = 'print.reminders' | 'dossier.print' | 'dossier.printLinked' | 'print.comparison' | 'print.receipt' | 'print.oneStop' | 'queue.printTicket';
const KIND: { [C in PrintedChannel]: (input: Parameters<Handlers[C]>[0]) => DocumentKind } = {
  'print.reminders': ({ paper }) => (paper === '80mm' ? 'slip-80mm' : 'dossier-a4'),
  'dossier.print': () => 'dossier-a4',
  'dossier.printLinked': () => 'dossier-a4',
  'print.comparison': () => 'dossier-a4',
  'print.receipt': () => 'dossier-a4',
  'print.oneStop': () => 'dossier-a4',
  'queue.printTicket': () => 'slip-80mm',
};

/**
 * The four print channels print when the technician chose a printer for the document's kind and
 * say what became of it (`print`); with none chosen (the demo, browser mode) the PDF goes to the
 * screen to be saved, as before.
 */
export function withPrinting(printing: Printing, handlers: Handlers): Handlers {
  const send = async <T extends PrintedDocument>(doc: T, kind: DocumentKind): Promise<T> => {
    if (!printing.choice.get(kind)) return doc;
    const outcome = await printing.service.print({ kind, title: doc.fileName, pdf: Buffer.from(doc.pdfBase64, 'base64') });
    return { ...doc, print: outcomeView(outcome) };
  };
  const wrap = <C extends PrintedChannel>(channel: C): Handlers[C] => {
    type Args = Parameters<Handlers[C]>;
    const inner = handlers[channel] as (...args: Args) => Promise<PrintedDocument>;
    const kind = KIND[channel];
    return (async (...args: Args) => send(await inner(...args), kind(args[0]))) as unknown as Handlers[C];
  };
  return {
    ...handlers,
    'print.reminders': wrap('print.reminders'), 'dossier.print': wrap('dossier.print'), 'dossier.printLinked': wrap('dossier.printLinked'), 'print.comparison': wrap('print.comparison'), 'print.receipt': wrap('print.receipt'),
    'print.oneStop': wrap('print.oneStop'),
    'queue.printTicket': wrap('queue.printTicket'),
  };
}

type PrinterChannels = 'printers.list' | 'printers.choose' | 'printers.testPage' | 'print.kept' | 'print.reprint';

/** The technician's printers (state, queue, choice per kind, test page) and the officer's kept documents. */
export function printerHandlers({ printing, fonts, clock = () => new Date() }: PrintHandlerDeps): Pick<Handlers, PrinterChannels> {
  const { service, choice, reprints } = printing;
  const overview = async (): Promise<PrintersOverview> => {
    const { printers, defaultPrinter } = await service.printers();
    const chosen = choice.all();
    const queues = await Promise.all(printers.map((p) => service.queue(p.name).catch(() => [])));
    return {
      printers: printers.map((p, i) => ({ ...p, queue: queues[i]!, chosenFor: DOCUMENT_KINDS.filter((kind) => chosen[kind] === p.name) })),
      defaultPrinter,
      chosen,
    };
  };
  return {
    'printers.list': overview,
    'printers.choose': async ({ kind, printer }) => {
      if (printer !== null && !(await service.printers()).printers.some((p) => p.name === printer)) throw new AppError('PRINTER_NOT_FOUND');
      choice.set(kind, printer ?? '');
      return overview();
    },
    'printers.testPage': async ({ printer }) => {
      // On the paper the printer is chosen for, so a wrong roll width shows.
      const kind = DOCUMENT_KINDS.find((k) => choice.get(k) === printer) ?? 'dossier-a4';
      const pdf = await renderTestPage(fonts, kind, printer, clock());
      return outcomeView(await service.print({ kind, title: 'trang-in-thu.pdf', pdf, printer }));
    },
    'print.kept': () => ({ documents: reprints.list().map((d) => ({ id: d.id, kind: d.kind, title: d.title, reason: reasonOf(d.reason), keptAt: d.keptAt })) }),
    'print.reprint': async ({ reprintId, printer }) => outcomeView(await service.reprint(reprintId, printer)),
  };
}
