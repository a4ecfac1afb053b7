import { z } from 'zod';
import { localizedText } from './localized';

/** One procedure of the synced catalogue as the kiosk's "look up a procedure" shows it. */
export const procedureEntry = z.object({
  code: z.string(),
  name: localizedText,
  /** Who handles it. */
  agency: localizedText,
  feeVnd: z.number().nonnegative().nullable(),
  /** Time limit in working days (0: the same day); null when the catalogue does not say. */
  processingDays: z.number().nonnegative().nullable(),
  /** The life event (outcome) it belongs to, when the outcome catalogue lists it. */
  lifeEvent: z.string().nullable(),
  /** Whether one of its ways is online; null when no way is listed. */
  online: z.boolean().nullable(),
  /** Thành phần hồ sơ: what its forms list to attach, else what its ways say to bring. */
  requirements: z.array(localizedText),
  forms: z.array(z.object({ formId: z.string(), title: localizedText, formNumber: z.string() })),
});
export type ProcedureEntry = z.infer<typeof procedureEntry>;

export const procedureQuery = z
  .object({
    query: z.string().max(100).default(''),
    lifeEvent: z.string().max(60).nullable().default(null),
    /** Only these procedures, in this order (a reminder slip's QR). */
    codes: z.array(z.string().max(64)).max(10).optional(),
  })
  .strict();

export const procedureResults = z.object({
  entries: z.array(procedureEntry).max(50),
  total: z.number().int().nonnegative(),
  lifeEvents: z.array(z.object({ id: z.string(), title: localizedText, count: z.number().int().nonnegative() })),
});
