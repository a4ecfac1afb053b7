import { z } from 'zod';
import { appErrorSchema } from './errors';

export const printerQueue = z.object({
  name: z.string(),
  state: z.enum(['idle', 'printing', 'disabled']),
  accepting: z.boolean(),
  isDefault: z.boolean(),
  alerts: z.array(z.string()),
});
export type PrinterQueue = z.infer<typeof printerQueue>;

/** The kinds of document a machine prints, each on its own printer (A4 laser, 80 mm roll). */
export const documentKind = z.enum(['dossier-a4', 'slip-80mm']);
export type DocumentKindName = z.infer<typeof documentKind>;

/** What became of a print: on paper, or kept (with the calm vi/en reason) for an officer to reprint. */
export const printOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('printed'), printer: z.string(), jobId: z.string() }),
  z.object({ status: z.literal('kept'), error: appErrorSchema, reprintId: z.string() }),
]);
export type PrintOutcomeView = z.infer<typeof printOutcome>;

export const printerView = printerQueue.extend({
  /** Job ids waiting in the queue, oldest first. */
  queue: z.array(z.string()),
  /** The document kinds the technician chose this printer for. */
  chosenFor: z.array(documentKind),
});
export type PrinterView = z.infer<typeof printerView>;

export const printersOverview = z.object({
  printers: z.array(printerView),
  defaultPrinter: z.string().nullable(),
  /** Per kind; null: not chosen (documents are then handed to the screen as a PDF). */
  chosen: z.record(documentKind, z.string().nullable()),
});
export type PrintersOverview = z.infer<typeof printersOverview>;

/** A document waiting to be reprinted: its file name (never personal data), not its content. */
export const keptDocumentView = z.object({
  id: z.string(),
  kind: documentKind,
  title: z.string(),
  /** Why its last print failed; null while it has not been tried (or is being printed). */
  reason: appErrorSchema.nullable(),
  keptAt: z.string(),
});
export type KeptDocumentView = z.infer<typeof keptDocumentView>;

export const reprintId = z.string().regex(/^[0-9]{13}-[0-9a-f]{8}$/);
