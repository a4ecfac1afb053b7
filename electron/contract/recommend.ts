import { z } from 'zod';
import { localizedText } from './localized';
import { isoDate } from './schemas';

/** What matters most to the citizen; the ranking of the options follows it. */
export const preference = z.enum(['cheapest', 'fastest', 'fewest-visits', 'balanced']);
export type PreferenceName = z.infer<typeof preference>;

const reference = z.object({ document: z.string(), article: z.string(), example: z.boolean().optional() });

/** One way to reach the outcome, as the comparison screen and sheet show it. */
export const comparedOptionView = z.object({
  id: z.string(),
  channel: z.enum(['counter', 'online', 'postal', 'mobile', 'bundle']),
  title: localizedText,
  authority: localizedText,
  eligible: z.boolean(),
  ineligibleReason: localizedText.nullable(),
  feeVnd: z.number().int().nonnegative(),
  exemption: localizedText.nullable(),
  extrasVnd: z.number().int().nonnegative(),
  totalCostVnd: z.number().int().nonnegative(),
  workingDays: z.number().int().nonnegative(),
  readyBy: isoDate,
  visits: z.number().int().nonnegative(),
  /** Some figure of this option is an example, not confirmed against the legal text. */
  example: z.boolean(),
  dominated: z.boolean(),
  /** 1 = recommended; null when not ranked (ineligible or dominated). */
  rank: z.number().int().positive().nullable(),
  prerequisites: z.array(localizedText),
  bring: z.array(localizedText),
  obligations: z.array(localizedText),
  legalBasis: z.array(reference),
});
export type ComparedOptionView = z.infer<typeof comparedOptionView>;

export const comparison = z.object({
  outcome: z.object({ id: z.string(), title: localizedText }),
  catalogueVersion: z.string(),
  preference,
  today: isoDate,
  /** Every option, none hidden. */
  options: z.array(comparedOptionView),
  recommended: z.string().nullable(),
  explanation: localizedText,
  /** Whether the citizen's profile (card, and central data on consent) was taken into account. */
  personalised: z.boolean(),
});
export type Comparison = z.infer<typeof comparison>;

export const comparisonRequest = z.object({ outcomeId: z.string().max(64), preference }).strict();
