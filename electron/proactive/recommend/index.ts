/**
 * Proactive level 3: compare the options that reach one outcome, recommend one, explain why.
 *
 *   loadCatalogue(appRoot): Catalogue                      resources/catalogue/, zod-checked, read once
 *   recommend(catalogue, { outcomeId, preference, profile?, today, calendar? }): Recommendation | undefined
 *       undefined: no such outcome; RangeError when a date falls outside the calendar's years (1900–2199).
 *       `calendar` is the working-day options of the centre:
 *       { saturdayMorning?, holidays?: loadHolidayData(appRoot), overrides?: technician's data }.
 *   Recommendation = { outcome {id,title}, catalogueVersion, preference, today, options[], recommended: id | null, explanation {vi,en} }
 *   options[] (catalogue order, none hidden): id, channel, title, eligible, ineligibleReason {vi,en} | null,
 *       feeVnd, exemption {vi,en} | null, extrasVnd, totalCostVnd, workingDays, filedOn, readyBy, visits,
 *       example (some figure is an example), dominated, rank (1 = recommended, null = not ranked),
 *       option (the catalogue entry: authority, bring, obligations, prerequisites, legalBasis …)
 *   formatVnd(amount): {vi,en} — the way the explanation writes it, for the sheet (dates: contract's dayAndDateInWords).
 *
 * Rules: an option is ineligible only when a prerequisite or eligibility rule is certainly unmet by
 * the profile (an unknown fact does not exclude; an exemption applies only when certain). Pareto
 * dominance on total cost, working days and visits among eligible options. The eligible
 * non-dominated options are ranked by the preference's weights (PREFERENCE_WEIGHTS; balanced =
 * equal weights on values normalised to 0–1); ties go to fewer visits, then sooner, then cheaper,
 * then the option's `tiePriority` in the catalogue. readyBy = addWorkingDays(filing day, working
 * days), the filing day being today, or for options with a visit the first day from today the
 * office is open.
 */
export { loadCatalogue } from './catalogue-file';
export type { Catalogue, CatalogueOption, Channel, Condition, LegalReference, Outcome } from './catalogue-schema';
export type { EvaluatedOption } from './evaluate-option';
export { formatVnd } from '../../base/format';
export { dominates } from './pareto';
export { isPreference, PREFERENCES, PREFERENCE_WEIGHTS, type Preference } from './rank';
export { findOutcome, recommend, type ComparedOption, type Recommendation, type RecommendRequest } from './recommend';
