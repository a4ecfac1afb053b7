import { addYears, type IsoDate } from '../calendar-date';
import { assessRenewal, EARLY_RENEWAL_YEARS } from '../id-card-renewal';
import { shift } from './date-math';
import { FACTS, type Subject } from './facts';
import type { DueComputation, ReminderWindow } from './pack-schema';

export interface Due {
  dueDate: IsoDate;
  /** The first day the reminder shows. */
  opensOn: IsoDate | null;
  /** The date of the fact the due date was computed from. */
  factDate: IsoDate;
  /** The renewal age, for ID card rules. */
  age?: number;
}

export type DueFn = (subject: Subject, today: IsoDate) => Due | null;

/** The ID card's due date and window are the law's, as id-card-renewal.ts assesses them: not re-derived here. */
const idCardRenewal: DueFn = (subject, today) => {
  const birthDate = FACTS.birthDate.read(subject) as IsoDate | undefined;
  if (birthDate === undefined) return null;
  const a = assessRenewal(birthDate, today, FACTS['idCard.issueDate'].read(subject) as IsoDate | undefined);
  switch (a.status) {
    case 'valid-for-life':
      return null;
    case 'upcoming':
    case 'valid':
      return { dueDate: a.due.date, opensOn: a.windowStart, factDate: birthDate, age: a.due.age };
    case 'renew-now':
    case 'expired':
      // Inside the window already: it opened 2 years before the renewal age (counted from the birth date).
      return { dueDate: a.due.date, opensOn: addYears(birthDate, a.due.age - EARLY_RENEWAL_YEARS), factDate: birthDate, age: a.due.age };
  }
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
