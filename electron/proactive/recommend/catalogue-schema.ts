import { z } from 'zod';
import { localizedText } from '../../contract/localized';

/**
 * The catalogue of outcomes (`resources/catalogue/`): each outcome a citizen may want, and the
 * options (channels, linked procedures) that reach it. Figures not confirmed against the legal
 * text carry `example: true` and are shown as examples.
 */

/** A fact about the citizen, read from the profile; see conditions.ts for how each is decided. */
export const condition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vneidLevelAtLeast'), level: z.union([z.literal(1), z.literal(2)]) }).strict(),
  z.object({ kind: z.literal('ageAtLeast'), years: z.number().int().nonnegative() }).strict(),
  z.object({ kind: z.literal('ageBelow'), years: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('firstIdCard') }).strict(),
  z.object({ kind: z.literal('hasIdCard') }).strict(),
  /** Has had a passport: a renewal, not a first application. */
  z.object({ kind: z.literal('hasPassport') }).strict(),
]);
export type Condition = z.infer<typeof condition>;

/** A legal reference; `source` (where the text was read) and `checked` (when) for what has been confirmed. */
const legalReference = z
  .object({ document: z.string(), article: z.string(), example: z.boolean().optional(), source: z.string().optional(), checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() })
  .strict();
export type LegalReference = z.infer<typeof legalReference>;

/** What the option needs of the citizen; unmet (for certain) makes the option ineligible, with `unmet` as the reason. */
const requirement = z.object({ when: condition, text: localizedText, unmet: localizedText }).strict();

const vnd = z.number().int().nonnegative();

const exemption = z
  .object({
    /** All must hold for certain. */
    when: z.array(condition).min(1),
    amountVnd: vnd,
    reason: localizedText,
    legalBasis: legalReference.optional(),
  })
  .strict();

export const channel = z.enum(['counter', 'online', 'postal', 'mobile', 'bundle']);
export type Channel = z.infer<typeof channel>;

export const catalogueOption = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: localizedText,
    /** This catalogue's codes of the procedures the option files (several for a linked bundle). */
    procedureCodes: z.array(z.string()).min(1),
    channel,
    authority: localizedText,
    fee: z.object({ amountVnd: vnd, example: z.boolean(), exemptions: z.array(exemption).default([]) }).strict(),
    extras: z.array(z.object({ label: localizedText, amountVnd: vnd, example: z.boolean() }).strict()).default([]),
    /**
     * The legal processing time: in working days (Monday–Friday), or in calendar days where the
     * law counts them so (the criminal record certificate: "không quá 10 ngày").
     */
    processing: z.union([
      z.object({ workingDays: z.number().int().nonnegative(), example: z.boolean() }).strict(),
      z.object({ calendarDays: z.number().int().nonnegative(), example: z.boolean() }).strict(),
    ]),
    /** Trips the citizen makes to an office (filing, collecting); 0 when everything is online, by post or at home. */
    visits: z.number().int().nonnegative(),
    prerequisites: z.array(requirement).default([]),
    eligibility: z.array(requirement).default([]),
    bring: z.array(localizedText).default([]),
    obligations: z.array(localizedText).default([]),
    legalBasis: z.array(legalReference).min(1),
    /** On a full tie (same cost, time and visits) the lower number is recommended, e.g. the nearer office. */
    tiePriority: z.number().int().nonnegative(),
  })
  .strict();
export type CatalogueOption = z.infer<typeof catalogueOption>;

export const outcome = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: localizedText,
    options: z.array(catalogueOption).min(2),
  })
  .strict()
  .refine((o) => new Set(o.options.map((x) => x.id)).size === o.options.length, 'option ids must be unique')
  .refine((o) => new Set(o.options.map((x) => x.tiePriority)).size === o.options.length, 'tie priorities must be distinct');
export type Outcome = z.infer<typeof outcome>;

/** `resources/catalogue/catalogue.json`: the version and the outcome files, in the order they are listed. */
export const catalogueManifest = z.object({ version: z.string().min(1), note: z.string().optional(), outcomes: z.array(z.string().regex(/^[a-z0-9-]+\.json$/)).min(1) }).strict();

export interface Catalogue {
  version: string;
  outcomes: Outcome[];
}
