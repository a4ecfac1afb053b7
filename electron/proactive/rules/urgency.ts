import type { RuleReminder, Severity } from '../../contract';
import type { IsoDate } from '../../base/calendar-date';

const SEVERITY_RANK: Record<Severity, number> = { obligation: 0, benefit: 1, advice: 2 };

type Ranked = Pick<RuleReminder, 'dueDate' | 'severity' | 'ruleId'>;

const overdue = (r: Ranked, today: IsoDate) => r.severity === 'obligation' && r.dueDate < today;
const isAdvice = (r: Ranked) => r.severity === 'advice';

/**
 * Most urgent first: overdue obligations (only an obligation has a deadline to miss), then the
 * rest with advice never above an obligation or a benefit, then by due date, then obligation
 * before benefit, then by rule id so the order never depends on the pack order.
 */
export const compareUrgency =
  (today: IsoDate) =>
  (a: Ranked, b: Ranked): number =>
    Number(overdue(b, today)) - Number(overdue(a, today)) ||
    Number(isAdvice(a)) - Number(isAdvice(b)) ||
    (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
