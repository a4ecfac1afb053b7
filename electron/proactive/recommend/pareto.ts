/** The three things compared, all "lower is better". */
export interface Criteria {
  totalCostVnd: number;
  workingDays: number;
  visits: number;
}

export const CRITERIA = ['totalCostVnd', 'workingDays', 'visits'] as const satisfies readonly (keyof Criteria)[];

/** `a` dominates `b`: no worse on every criterion and better on at least one. */
export const dominates = (a: Criteria, b: Criteria): boolean =>
  CRITERIA.every((k) => a[k] <= b[k]) && CRITERIA.some((k) => a[k] < b[k]);
