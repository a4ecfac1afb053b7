import type { LocalizedText } from '../../contract/localized';
import type { CitizenProfile } from '../../contract/profile';
import type { IsoDate } from '../../base/calendar-date';
import type { WorkdayOptions } from '../../base/calendar';
import type { Catalogue, Outcome } from './catalogue-schema';
import { evaluateOption, type EvaluatedOption } from './evaluate-option';
import { explain } from './explain';
import { dominates } from './pareto';
import { rank, type Preference } from './rank';

export interface RecommendRequest {
  outcomeId: string;
  preference: Preference;
  profile?: CitizenProfile;
  today: IsoDate;
  calendar?: WorkdayOptions;
}

export interface ComparedOption extends EvaluatedOption {
  /** Some eligible option is no worse on cost, time and visits and better on one. Never for an ineligible one. */
  dominated: boolean;
  /** 1 = recommended; null for options not ranked (ineligible or dominated). */
  rank: number | null;
}

export interface Recommendation {
  outcome: { id: string; title: LocalizedText };
  catalogueVersion: string;
  preference: Preference;
  today: IsoDate;
  /** Every option, in catalogue order: none is ever hidden. */
  options: ComparedOption[];
  /** The id of the recommended option; null when the citizen is eligible for none. */
  recommended: string | null;
  explanation: LocalizedText;
}

export const findOutcome = (catalogue: Catalogue, id: string): Outcome | undefined => catalogue.outcomes.find((o) => o.id === id);

/**
 * Compares the options of one outcome for one citizen and recommends one; undefined when the
 * catalogue has no such outcome. A pure function of its arguments: the same request gives the
 * same answer and explanation.
 */
export function recommend(catalogue: Catalogue, request: RecommendRequest): Recommendation | undefined {
  const outcome = findOutcome(catalogue, request.outcomeId);
  if (!outcome) return undefined;
  const context = { profile: request.profile, today: request.today, calendar: request.calendar ?? {} };
  const evaluated = outcome.options.map((o) => evaluateOption(o, context));
  const eligible = evaluated.filter((o) => o.eligible);
  // An option the citizen may not be entitled to (unknown eligibility) dominates nothing.
  const certain = eligible.filter((o) => !o.eligibilityUnknown);
  const flags = eligible.map((b) => (b.eligibilityUnknown ? eligible : certain).some((a) => dominates(a, b)));
  const dominatedIds = new Set(eligible.filter((_, i) => flags[i]).map((o) => o.id));
  const front = eligible.filter((o) => !dominatedIds.has(o.id));
  // …and ranks after every certain one.
  const ranked = rank(
    front.map((o) => ({ ...o, tiePriority: o.option.tiePriority })),
    request.preference,
  )
    .sort((a, b) => Number(a.eligibilityUnknown) - Number(b.eligibilityUnknown))
    .map((o) => o.id);
  const byId = new Map(evaluated.map((o) => [o.id, o]));
  const [first, second] = ranked.map((id) => byId.get(id));
  return {
    outcome: { id: outcome.id, title: outcome.title },
    catalogueVersion: catalogue.version,
    preference: request.preference,
    today: request.today,
    options: evaluated.map((o) => ({ ...o, dominated: dominatedIds.has(o.id), rank: ranked.includes(o.id) ? ranked.indexOf(o.id) + 1 : null })),
    recommended: first?.id ?? null,
    explanation: explain(first, second),
  };
}
