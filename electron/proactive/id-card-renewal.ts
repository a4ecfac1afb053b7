import { addYears, type IsoDate } from '../base/calendar-date';

/** Ages at which a citizen must renew the ID card (Luật Căn cước 2023, Điều 21, khoản 1). */
export const RENEWAL_AGES = [14, 25, 40, 60] as const;
/** A card issued within this many years before a renewal age stays valid until the next one (khoản 2). */
export const EARLY_RENEWAL_YEARS = 2;

export interface Milestone {
  age: number;
  date: IsoDate;
}

export type RenewalAssessment =
  /** The card expired on `due.date`. */
  | { status: 'expired'; due: Milestone }
  /** Renewing now gives a card valid until `validUntil` (null: for life). */
  | { status: 'renew-now'; due: Milestone; validUntil: Milestone | null; caveat: Milestone | null }
  /** The next renewal is `due`; it can be done from `windowStart`. */
  | { status: 'upcoming'; due: Milestone; windowStart: IsoDate; caveat: Milestone | null }
  /** Known issue date: valid until `due`, renewable from `windowStart`. */
  | { status: 'valid'; due: Milestone; windowStart: IsoDate }
  | { status: 'valid-for-life'; caveat: Milestone | null };

export function milestones(birthDate: IsoDate): Milestone[] {
  return RENEWAL_AGES.map((age) => ({ age, date: addYears(birthDate, age) }));
}

/** Counted from the birth date, so a 29 February birth opens its window on its own 29 February when there is one. */
const windowStartOf = (birthDate: IsoDate, m: Milestone) => addYears(birthDate, m.age - EARLY_RENEWAL_YEARS);

/** The milestone at which a card issued on `issueDate` stops being valid; null when it never does. */
export function cardExpiry(birthDate: IsoDate, issueDate: IsoDate): Milestone | null {
  for (const m of milestones(birthDate)) {
    if (issueDate < m.date && issueDate < windowStartOf(birthDate, m)) return m;
  }
  return null;
}

function nextAfter(birthDate: IsoDate, m: Milestone): Milestone | null {
  return milestones(birthDate).find((x) => x.date > m.date) ?? null;
}

/**
 * What a citizen should do about the ID card on `today`. With the issue date the answer is
 * exact. Without it, the next renewal age is given, and `caveat` names the renewal age already
 * passed: a card issued before that age's window expired on it.
 */
export function assessRenewal(birthDate: IsoDate, today: IsoDate, issueDate?: IsoDate): RenewalAssessment {
  if (issueDate !== undefined) {
    const expiry = cardExpiry(birthDate, issueDate);
    if (expiry === null) return { status: 'valid-for-life', caveat: null };
    if (today >= expiry.date) return { status: 'expired', due: expiry };
    if (today >= windowStartOf(birthDate, expiry)) return { status: 'renew-now', due: expiry, validUntil: nextAfter(birthDate, expiry), caveat: null };
    return { status: 'valid', due: expiry, windowStart: windowStartOf(birthDate, expiry) };
  }
  const all = milestones(birthDate);
  const next = all.find((m) => m.date > today);
  const caveat = [...all].reverse().find((m) => m.date <= today) ?? null;
  if (next === undefined) return { status: 'valid-for-life', caveat };
  if (today >= windowStartOf(birthDate, next)) return { status: 'renew-now', due: next, validUntil: nextAfter(birthDate, next), caveat };
  return { status: 'upcoming', due: next, windowStart: windowStartOf(birthDate, next), caveat };
}
