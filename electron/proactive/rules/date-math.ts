import { addDays, addMonths, addYears, type IsoDate } from '../../base/calendar-date';

/** A length of time in a rule pack: "60 days", "6 months", "2 years". */
export interface Duration {
  years?: number;
  months?: number;
  days?: number;
}

/**
 * `date` moved by `duration`, forwards (sign 1) or backwards (-1): years as birthdays are
 * counted, then months, then days.
 */
export function shift(date: IsoDate, duration: Duration, sign: 1 | -1): IsoDate {
  let out = date;
  if (duration.years) out = addYears(out, sign * duration.years);
  if (duration.months) out = addMonths(out, sign * duration.months);
  if (duration.days) out = addDays(out, sign * duration.days);
  return out;
}
