import { isValidIsoDate, type IsoDate } from '../../base/calendar-date';

/** A length of time in a rule pack: "60 days", "6 months", "2 years". */
export interface Duration {
  years?: number;
  months?: number;
  days?: number;
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// Day numbers (days since 1970-01-01) by arithmetic, not Date: no 2-digit-year quirk of Date.UTC,
// and cheap enough to run for every rule of every profile.
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${pad(yoe + era * 400 + (m <= 2 ? 1 : 0), 4)}-${pad(m)}-${pad(d)}`;
}

const parts = (date: IsoDate) => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))] as const;

export const dayOf = (date: IsoDate): number => dayNumber(...parts(date));

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayOf(date) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayOf(to) - dayOf(from);

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const lastDay = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

/** Months later (or earlier); a day the target month lacks becomes its last day (31 Aug − 6 months = 28 Feb). */
function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay(year, month)))}`;
}

/**
 * calendar-date's addYears — the same day `years` later, a 29 February becoming 1 March in years
 * without one (a property test holds them equal) — without splitting the date into an array or
 * building a Date: it runs for every rule of every profile.
 */
export function yearsLater(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const leapDay = date.charCodeAt(6) === 50 /* 2 */ && date.charCodeAt(5) === 48 /* 0 */ && date.endsWith('29');
  if (leapDay && !isLeap(year)) return `${pad(year, 4)}-03-01`;
  return pad(year, 4) + date.slice(4);
}

/** Not yet `years` old on `day`: ageOn(birthDate, day) < years, with one date computed. */
export const youngerThan = (birthDate: IsoDate, years: number, day: IsoDate): boolean => yearsLater(birthDate, years) > day;

/**
 * `date` moved by `duration`, forwards (sign 1) or backwards (-1): years as birthdays are
 * counted, then months, then days.
 */
export function shift(date: IsoDate, duration: Duration, sign: 1 | -1): IsoDate {
  let out = date;
  if (duration.years) out = yearsLater(out, sign * duration.years);
  if (duration.months) out = addMonths(out, sign * duration.months);
  if (duration.days) out = addDays(out, sign * duration.days);
  return out;
}

/** calendar-date's formatVietnameseDate (dd/mm/yyyy; a property test holds them equal) by slicing, not splitting. */
export const dayMonthYear = (date: IsoDate): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar day in Vietnam (UTC+7, no daylight saving) of a synced timestamp such as
 * `2026-11-30T10:00:00.000Z`; a plain date stays as it is; null when it is not a date at all.
 */
export function vietnamDateOf(stamp: string): IsoDate | null {
  if (PLAIN_DATE.test(stamp)) return isValidIsoDate(stamp) ? stamp : null;
  const ms = Date.parse(stamp);
  if (!Number.isFinite(ms)) return null;
  const shifted = new Date(ms + VIETNAM_OFFSET_MS);
  if (!Number.isFinite(shifted.getTime())) return null;
  // Beyond year 9999 (or before year 0) the ISO form gains a sign and is longer; year 0 is no year either.
  const iso = shifted.toISOString();
  return iso.length === 24 && !iso.startsWith('0000') ? iso.slice(0, 10) : null;
}
