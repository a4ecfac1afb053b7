import type { Today } from './compile-due';
import { admittedDate, youngerThan } from '../../base/calendar-date';
import { FACTS, type Subject } from './facts';
import type { Condition } from './pack-schema';

export type ConditionFn = (subject: Subject, today: Today) => boolean;

export function compileCondition(c: Condition): ConditionFn {
  const read = FACTS[c.fact].read;
  if ('known' in c) return (s) => (read(s) !== undefined) === c.known;
  if ('equals' in c) return (s) => read(s) === c.equals;
  if ('notEquals' in c) return (s) => read(s) !== c.notEquals;
  const limit = c.ageUnder;
  return (s, today) => {
    const born = read(s);
    return typeof born === 'string' && youngerThan(admittedDate(born), limit, today.date);
  };
}

/** All conditions as one function. */
export function compileConditions(conditions: Condition[]): ConditionFn {
  const fns = conditions.map(compileCondition);
  if (fns.length === 0) return () => true;
  return (s, today) => {
    for (const fn of fns) if (!fn(s, today)) return false;
    return true;
  };
}
