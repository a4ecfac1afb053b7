import type { RuleReminder, Severity } from '../../contract';
import type { IsoDate } from '../../base/calendar-date';

const SEVERITY_RANK: Record<Severity, number> = { obligation: 0, benefit: 1, advice: 2 };

type Ranked = Pick<RuleReminder, 'dueDate' | 'severity' | 'ruleId'>;

/**
 * Most urgent first: overdue reminders (due before today), then by due date, then obligation
 * before benefit before advice, then by rule id so the order never depends on the pack order.
 */
export const compareUrgency =
  (today: IsoDate) =>
  (a: Ranked, b: Ranked): number =>
    Number(b.dueDate < today) - Number(a.dueDate < today) ||
    (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
