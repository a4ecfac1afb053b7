import type { IsoDate } from '../calendar-date';
import { EARLY_RENEWAL_YEARS, RENEWAL_AGES } from '../id-card-renewal';
import { shift, yearsLater } from './date-math';
import { FACTS, type Subject } from './facts';
import type { DueComputation, ReminderWindow } from './pack-schema';

export interface Due {
  dueDate: IsoDate;
  /** The first day the reminder shows; null: from the start. */
  opensOn: IsoDate | null;
  /** The date of the fact the due date was computed from. */
  factDate: IsoDate;
  /** The renewal age, for ID card rules. */
  age?: number;
}

export type DueFn = (subject: Subject, today: IsoDate) => Due | null;

/**
 * assessRenewal's answer (id-card-renewal.ts, Luật Căn cước art. 21: its ages and 2-year rule),
 * shown when it says 'expired' or 'renew-now'. Computed age by age, stopping at the first that
 * applies, instead of building milestone lists three times over: a property test holds the two
 * equal. With the issue date: the card expires at the first age whose window (2 years before)
 * opened after the issue. Without it: the next age to come.
 */
const idCardRenewal: DueFn = (subject, today) => {
  const birthDate = FACTS.birthDate.read(subject) as IsoDate | undefined;
  if (birthDate === undefined) return null;
  const issueDate = FACTS['idCard.issueDate'].read(subject) as IsoDate | undefined;
  for (const age of RENEWAL_AGES) {
    const opensOn = yearsLater(birthDate, age - EARLY_RENEWAL_YEARS);
    if (issueDate !== undefined && issueDate >= opensOn) continue;
    const dueDate = yearsLater(birthDate, age);
    if (issueDate === undefined && dueDate <= today) continue;
    return { dueDate, opensOn, factDate: birthDate, age };
  }
  return null;
};

/** Compiles a due computation and the rule's window into one function; unknown facts give no reminder. */
export function compileDue(due: DueComputation, window: ReminderWindow | undefined): DueFn {
  if (due.kind === 'id-card-renewal') return idCardRenewal;
  const read = FACTS[due.fact].read;
  const sign = due.kind === 'before' ? -1 : 1;
  const duration = due.kind === 'on' ? {} : { years: due.years, months: due.months, days: due.days };
  const opens = window === undefined || window === 'always' ? () => null : (dueDate: IsoDate) => shift(dueDate, window.opensBefore, -1);
  return (subject) => {
    const factDate = read(subject);
    if (typeof factDate !== 'string') return null;
    const dueDate = due.kind === 'on' ? factDate : shift(factDate, duration, sign);
    return { dueDate, opensOn: opens(dueDate), factDate };
  };
}
