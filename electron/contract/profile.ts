import { z } from 'zod';
import { localizedText } from './localized';
import { isoDate } from './schemas';

const expiring = z.object({ expiryDate: isoDate }).strict();

/** A relative as the central population database gives them (prefills the parents' or spouse's part of a form). */
const relative = z
  .object({
    fullName: z.string().max(200).optional(),
    personalNumber: z.string().regex(/^\d{12}$/).optional(),
    birthDate: isoDate.optional(),
    ethnicity: z.string().max(60).optional(),
    nationality: z.string().max(60).optional(),
    permanentAddress: z.string().max(300).optional(),
  })
  .strict();

/**
 * What the proactive engines know of one citizen: the `motcua remind --profile` file (exact shape),
 * the ID card alone at a kiosk, or that plus the central profile. Every part may be absent.
 */
export const citizenProfile = z
  .object({
    personalNumber: z.string().regex(/^\d{12}$/).optional(),
    fullName: z.string().max(200).optional(),
    birthDate: isoDate.optional(),
    sex: z.enum(['male', 'female']).optional(),
    /** Central population data, read with consent to prefill dossiers. */
    ethnicity: z.string().max(60).optional(),
    religion: z.string().max(60).optional(),
    nationality: z.string().max(60).optional(),
    /** Where the citizen was born: not where the birth was registered (the card and CC01 name that). */
    placeOfBirth: z.string().max(300).optional(),
    birthRegistrationPlace: z.string().max(300).optional(),
    placeOfOrigin: z.string().max(300).optional(),
    permanentAddress: z.string().max(300).optional(),
    currentAddress: z.string().max(300).optional(),
    phone: z.string().max(20).optional(),
    email: z.string().max(120).optional(),
    spouse: relative.optional(),
    father: relative.optional(),
    mother: relative.optional(),
    /**
     * The identity document held: `kind` is `none` (no card yet), the old 9- or 12-digit CMND
     * (invalid since 1 January 2025), the chip CCCD or the 2024 căn cước card.
     */
    idCard: z
      .object({ issueDate: isoDate.optional(), kind: z.enum(['none', 'cmnd-9', 'cmnd-12', 'cccd', 'can-cuoc']).optional() })
      .strict()
      .optional(),
    children: z
      .array(z.object({ birthDate: isoDate, birthRegistered: z.boolean().optional(), fullName: z.string().max(200).optional() }).strict())
      .max(30)
      .optional(),
    /** Deaths in the family the citizen may have to register (spouse, parent, child). */
    deaths: z
      .array(z.object({ deathDate: isoDate, registered: z.boolean().optional(), fullName: z.string().max(200).optional() }).strict())
      .max(10)
      .optional(),
    passport: expiring.optional(),
    healthInsurance: expiring.optional(),
    drivingLicence: expiring.optional(),
    temporaryResidence: expiring.optional(),
    /** Level of the citizen's VNeID electronic identity account; online filing needs level 2. */
    vneidLevel: z.union([z.literal(1), z.literal(2)]).optional(),
    /** The citizen's cases as synced from the centre (status, and the date a supplement is due). */
    cases: z
      .array(
        z
          .object({
            receiptCode: z.string().max(64),
            procedureCode: z.string().max(64),
            status: z.enum(['received', 'processing', 'supplement-required', 'completed', 'rejected', 'returned']),
            dueAt: z.string().max(40).optional(),
            updatedAt: z.string().max(40).optional(),
          })
          .strict(),
      )
      .max(200)
      .optional(),
  })
  .strict();
export type CitizenProfile = z.infer<typeof citizenProfile>;

/**
 * A legal basis as a rule pack states it: the document and article, where the text was read
 * (`source`, an address) and the day it was checked. A production pack must give all four.
 */
export const legalBasis = z.object({ document: z.string(), article: z.string(), source: z.string().optional(), checked: isoDate.optional() });
export type LegalBasis = z.infer<typeof legalBasis>;

export const severity = z.enum(['obligation', 'benefit', 'advice']);
export type Severity = z.infer<typeof severity>;

/** One reminder from the rule engine, as `motcua remind --json` prints it (exact field names). */
export const ruleReminder = z.object({
  ruleId: z.string(),
  severity,
  dueDate: isoDate,
  procedureCode: z.string().nullable(),
  legalBasis: z.array(legalBasis),
  title: localizedText,
  explanation: localizedText,
  /** What to do, in order; shown on the kiosk and the slip. */
  steps: z.array(localizedText),
  /** Legal bases that are examples (not confirmed) say so, and the screens show it. */
  example: z.boolean(),
});
export type RuleReminder = z.infer<typeof ruleReminder>;
