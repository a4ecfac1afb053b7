import { z } from 'zod';
import { appErrorSchema } from './errors';
import { localizedText } from './localized';
import { isoDate } from './schemas';

/** What an ID card gives: the QR carries all of it, the MRZ the number, name, birth date and sex. */
export const cardIdentity = z.object({
  personalNumber: z.string(),
  oldIdNumber: z.string().optional(),
  fullName: z.string().optional(),
  birthDate: isoDate.optional(),
  sex: z.enum(['male', 'female']).optional(),
  address: z.string().optional(),
  issueDate: isoDate.optional(),
});
export type CardIdentity = z.infer<typeof cardIdentity>;

/** A scan after classification, as screens see it. */
export const scanResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('identity'),
    source: z.enum(['cccd-qr', 'mrz']),
    identity: cardIdentity,
    /** Read in keyboard mode: Vietnamese letters were lost, the name must come from elsewhere. */
    asciiOnly: z.boolean(),
    warnings: z.array(localizedText),
  }),
  z.object({ kind: z.literal('receipt'), receiptCode: z.string() }),
  z.object({ kind: z.literal('handoff'), text: z.string() }),
  /** A reminder slip's QR: the procedures to show in the catalogue (contract/procedure-codes-qr.ts). */
  z.object({ kind: z.literal('procedures'), codes: z.array(z.string()) }),
  z.object({ kind: z.literal('barcode'), text: z.string() }),
  z.object({ kind: z.literal('error'), error: appErrorSchema }),
]);
export type ScanResult = z.infer<typeof scanResult>;

export const scanText = z.object({
  text: z.string().max(8192),
  /** True when the text came through a keyboard wedge (no diacritics possible). */
  asciiOnly: z.boolean().default(true),
});
