import { addDays, addYears, admittedDate, dayOf, pad, type IsoDate } from '../../base/calendar-date';
import { EARLY_RENEWAL_YEARS, RENEWAL_AGES } from '../id-card-renewal';
import { shift, type Duration } from './date-math';
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
const readKind = FACTS['idCard.kind'].read;
const HELD_CARDS: ReadonlySet<string> = new Set(['cccd', 'can-cuoc']);

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
  // Without a card known to exist, 14 is a first card ("cấp"), not a renewal: another rule says so.
  const cardHeld = issueDate !== undefined || HELD_CARDS.has(String(readKind(subject)));
  for (const age of RENEWAL_AGES) {
    if (age === RENEWAL_AGES[0] && !cardHeld) continue;
    const opensOn = addYears(birthDate, age - EARLY_RENEWAL_YEARS);
    if (issueDate !== undefined && issueDate >= opensOn) continue;
    const dueDate = addYears(birthDate, age);
    if (issueDate === undefined && dueDate <= today.date) continue;
    return today.date >= opensOn ? { dueDate, factDate: birthDate, age } : null;
  }
  return null;
};

/**
 * Past a renewal age with the issue date unknown: the last age (25/40/60) already reached. A card
 * issued before that age's window expired on it, so the citizen is asked to check the card
 * (assessRenewal's caveat) — unless the next age's renewal window is open, whose reminder already
 * asks for a new card. Age 14 is left out: a first card at 14 is its own rule.
 */
const idCardCheck: DueFn = (subject, today) => {
  const birthDate = readBirthDate(subject) as IsoDate | undefined;
  if (birthDate === undefined || readIssueDate(subject) !== undefined) return null;
  let passed: Due | null = null;
  for (const age of RENEWAL_AGES) {
    if (age === RENEWAL_AGES[0]) continue;
    const dueDate = addYears(birthDate, age);
    if (dueDate <= today.date) passed = { dueDate, factDate: birthDate, age };
    // The next age's renewal is already being reminded of: that reminder asks to renew anyway.
    else if (today.date >= addYears(birthDate, age - EARLY_RENEWAL_YEARS)) return null;
    else break;
  }
  return passed;
};

const daysOnly = (d: Duration) => !d.years && !d.months;

type FactDue = Extract<DueComputation, { fact: unknown }>;

/** The due date from the fact's date; durations in days only are counted on day numbers. */
function compileOffset(due: FactDue): (factDate: IsoDate) => IsoDate {
  if (due.kind === 'on') return (factDate) => factDate;
  if (due.kind === 'in-year-of-age') {
    const monthDay = `-${pad(due.month)}-${pad(due.day)}`;
    return (factDate) => admittedDate(pad(Number(factDate.slice(0, 4)) + due.age, 4) + monthDay);
  }
  const sign = due.kind === 'before' ? -1 : 1;
  const duration: Duration = { years: due.years, months: due.months, days: due.days };
  if (daysOnly(duration)) return (factDate) => addDays(factDate, sign * (duration.days ?? 0));
  return (factDate) => shift(factDate, duration, sign);
}

type WindowTest = (dueDate: IsoDate, today: Today) => boolean;

/** Whether the window has opened on `today`; a window in days is one subtraction. */
function compileOpening(before: Duration | undefined): WindowTest {
  if (before === undefined) return () => true;
  if (daysOnly(before)) return (dueDate, today) => dayOf(dueDate) - (before.days ?? 0) <= today.day;
  return (dueDate, today) => shift(dueDate, before, -1) <= today.date;
}

/** Whether a window that opens after the due date (a missed deadline's follow-up) has opened. */
function compileOpeningAfter(after: Duration): WindowTest {
  if (daysOnly(after)) return (dueDate, today) => dayOf(dueDate) + (after.days ?? 0) <= today.day;
  return (dueDate, today) => shift(dueDate, after, 1) <= today.date;
}

/** Whether the window is still open on `today`: up to and including the day `after` the due date. */
function compileClosing(after: Duration | undefined): WindowTest {
  if (after === undefined) return () => true;
  if (daysOnly(after)) return (dueDate, today) => today.day <= dayOf(dueDate) + (after.days ?? 0);
  return (dueDate, today) => today.date <= shift(dueDate, after, 1);
}

function compileWindow(window: ReminderWindow | undefined): WindowTest {
  if (window === undefined || window === 'always') return () => true;
  const opened = window.opensAfter ? compileOpeningAfter(window.opensAfter) : compileOpening(window.opensBefore);
  const open = compileClosing(window.closesAfter);
  return (dueDate, today) => opened(dueDate, today) && open(dueDate, today);
}

/** Compiles a due computation and the rule's window into one function; absent facts give no reminder. */
export function compileDue(due: DueComputation, window: ReminderWindow | undefined): DueFn {
  if (due.kind === 'id-card-renewal') return idCardRenewal;
  if (due.kind === 'id-card-check') return idCardCheck;
  if (due.kind === 'since') {
    const fixed = admittedDate(due.date);
    const shows = compileWindow(window);
    return (_subject, today) => (shows(fixed, today) ? { dueDate: fixed, factDate: fixed } : null);
  }
  const read = FACTS[due.fact].read;
  const offset = compileOffset(due);
  const opened = compileWindow(window);
  return (subject, today) => {
    const fact = read(subject);
    if (typeof fact !== 'string') return null;
    const factDate = admittedDate(fact);
    const dueDate = offset(factDate);
    return opened(dueDate, today) ? { dueDate, factDate } : null;
  };
}
