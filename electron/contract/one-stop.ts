import { z } from 'zod';
import { isoDate } from './schemas';

/** A short line an officer types on a one-stop document: a reason, a missing paper. */
const line = z.string().trim().min(1).max(300);

/**
 * The one-stop documents (Nghị định 118/2025/NĐ-CP) a counter prints for a dossier it received,
 * besides the receipt: the request to supplement (from the originals review), the refusal to
 * receive (the officer's reasons), the apology with a new return date and the control sheet
 * (both for a submitted dossier).
 */
export const oneStopRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('supplement'), draftId: z.string().max(64) }).strict(),
  z.object({ kind: z.literal('refusal'), draftId: z.string().max(64), reasons: z.array(line).min(1).max(10) }).strict(),
  z.object({ kind: z.literal('apology'), draftId: z.string().max(64), newDate: isoDate, reason: line }).strict(),
  z.object({ kind: z.literal('control'), draftId: z.string().max(64) }).strict(),
]);
export type OneStopRequest = z.infer<typeof oneStopRequest>;
export type OneStopKind = OneStopRequest['kind'];
