/** Which part of the due list a line falls in on `today`: what is due today comes first, then what is late (the latest first), then what is coming. */
export const DUE_GROUPS = ['today', 'overdue', 'upcoming'] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];

export const dueGroup = (dueDate: string, today: string): DueGroup => (dueDate === today ? 'today' : dueDate < today ? 'overdue' : 'upcoming');

/** Today first, then the most recently overdue, then the nearest upcoming: an old backlog never pushes today's cases off the list. */
export function dueOrder<T extends { dueDate: string }>(items: readonly T[], today: string): T[] {
  const rank = (d: string) => DUE_GROUPS.indexOf(dueGroup(d, today));
  const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort((a, b) => rank(a.dueDate) - rank(b.dueDate) || (dueGroup(a.dueDate, today) === 'overdue' ? byDate(b.dueDate, a.dueDate) : byDate(a.dueDate, b.dueDate)));
}
