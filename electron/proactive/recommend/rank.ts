import { CRITERIA, type Criteria } from './pareto';

export const PREFERENCES = ['cheapest', 'fastest', 'fewest-visits', 'balanced'] as const;
export type Preference = (typeof PREFERENCES)[number];

export const isPreference = (value: string): value is Preference => (PREFERENCES as readonly string[]).includes(value);

/** The weight of each criterion, each first normalised to 0–1 across the options ranked. */
export const PREFERENCE_WEIGHTS: Record<Preference, Criteria> = {
  cheapest: { totalCostVnd: 1, workingDays: 0, visits: 0 },
  fastest: { totalCostVnd: 0, workingDays: 1, visits: 0 },
  'fewest-visits': { totalCostVnd: 0, workingDays: 0, visits: 1 },
  balanced: { totalCostVnd: 1, workingDays: 1, visits: 1 },
};

export interface Rankable extends Criteria {
  tiePriority: number;
}

/**
 * Best first. Score = Σ weight × (value − min) / (max − min) over the options given (a criterion
 * on which all are equal scores 0). Ties, in order: fewer visits (the citizen's trips are the
 * costliest thing to them), then sooner, then cheaper, then the catalogue's tie priority — all
 * properties of the options, so the order they come in never matters.
 */
export function rank<T extends Rankable>(items: readonly T[], preference: Preference): T[] {
  const weights = PREFERENCE_WEIGHTS[preference];
  const range = Object.fromEntries(
    CRITERIA.map((k) => {
      const values = items.map((i) => i[k]);
      return [k, { min: Math.min(...values), span: Math.max(...values) - Math.min(...values) }];
    }),
  ) as Record<keyof Criteria, { min: number; span: number }>;
  const exact = (i: T) => CRITERIA.reduce((sum, k) => sum + (range[k].span === 0 ? 0 : (weights[k] * (i[k] - range[k].min)) / range[k].span), 0);
  // Rounded so that sums equal on paper (⅓ + ⅔ and 1) tie instead of differing in the last bit.
  const score = (i: T) => Math.round(exact(i) * 1e9) / 1e9;
  const scored = items.map((item) => ({ item, score: score(item) }));
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.item.visits - b.item.visits ||
        a.item.workingDays - b.item.workingDays ||
        a.item.totalCostVnd - b.item.totalCostVnd ||
        a.item.tiePriority - b.item.tiePriority,
    )
    .map((s) => s.item);
}
