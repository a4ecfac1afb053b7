import type { IsoDate } from '../../base/calendar-date';
import { EARLY_RENEWAL_YEARS, RENEWAL_AGES } from '../id-card-renewal';
import { addDays, dayOf, shift, yearsLater, type Duration } from './date-math';
import { FACTS, type Subject } from './facts';
import type { DueComputation, ReminderWindow } from './pack-schema';

/** The day of an evaluation, parsed once for all rules. */
export interface Today {
  date: IsoDate;
  /** dayOf(date): windows counted in days compare numbers. */
  day: number;
}

export const todayOf = (date: IsoDate): Today => ({ date, day: dayOf(date) });

/** A rule's due date on a day its reminder shows. */
export interface Due {
  dueDate: IsoDate;
  /** The date of the fact the due date was computed from. */
  factDate: IsoDate;
  /** The renewal age, for ID card rules. */
  age?: number;
}

/** The due date when the reminder shows on `today`, else null. */
export type DueFn = (subject: Subject, today: Today) => Due | null;

const readBirthDate = FACTS.birthDate.read;
const readIssueDate = FACTS['idCard.issueDate'].read;

/**
 * assessRenewal's answer (id-card-renewal.ts, Luật Căn cước art. 21: its ages and 2-year rule),
 * shown when it says 'expired' or 'renew-now'. Computed age by age, stopping at the first that
 * applies, instead of building milestone lists three times over: a property test holds the two
 * equal. With the issue date: the card expires at the first age whose window (2 years before)
 * opened after the issue. Without it: the next age to come.
 */
const idCardRenewal: DueFn = (subject, today) => {
  const birthDate = readBirthDate(subject) as IsoDate | undefined;
  if (birthDate === undefined) return null;
  const issueDate = readIssueDate(subject) as IsoDate | undefined;
  for (const age of RENEWAL_AGES) {
    const opensOn = yearsLater(birthDate, age - EARLY_RENEWAL_YEARS);
    if (issueDate !== undefined && issueDate >= opensOn) continue;
    const dueDate = yearsLater(birthDate, age);
    if (issueDate === undefined && dueDate <= today.date) continue;
    return today.date >= opensOn ? { dueDate, factDate: birthDate, age } : null;
  }
  return null;
};

const daysOnly = (d: Duration) => !d.years && !d.months;

/** The due date from the fact's date; durations in days only are counted on day numbers. */
function compileOffset(due: Exclude<DueComputation, { kind: 'id-card-renewal' }>): (factDate: IsoDate) => IsoDate {
  if (due.kind === 'on') return (factDate) => factDate;
  const sign = due.kind === 'before' ? -1 : 1;
  const duration: Duration = { years: due.years, months: due.months, days: due.days };
  if (daysOnly(duration)) return (factDate) => addDays(factDate, sign * (duration.days ?? 0));
  return (factDate) => shift(factDate, duration, sign);
}

/** Whether the window has opened on `today`; a window in days is one subtraction. */
function compileWindow(window: ReminderWindow | undefined): (dueDate: IsoDate, today: Today) => boolean {
  if (window === undefined || window === 'always') return () => true;
  const before = window.opensBefore;
  if (daysOnly(before)) return (dueDate, today) => dayOf(dueDate) - (before.days ?? 0) <= today.day;
  return (dueDate, today) => shift(dueDate, before, -1) <= today.date;
}

/** Compiles a due computation and the rule's window into one function; absent facts give no reminder. */
export function compileDue(due: DueComputation, window: ReminderWindow | undefined): DueFn {
  if (due.kind === 'id-card-renewal') return idCardRenewal;
  const read = FACTS[due.fact].read;
  const offset = compileOffset(due);
  const opened = compileWindow(window);
  return (subject, today) => {
    const factDate = read(subject);
    if (typeof factDate !== 'string') return null;
    const dueDate = offset(factDate);
    return opened(dueDate, today) ? { dueDate, factDate } : null;
  };
}
