/**
 * Calendar dates as ISO `YYYY-MM-DD` strings: they compare correctly as strings and carry no
 * time zone, which is what a birth date or a legal deadline is. The one module that does date
 * arithmetic; an IsoDate is made only here (parsed once where a string comes in, or computed), so a
 * function given one need not check it again.
 */
declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: true };

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const lastDay = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isValidIsoDate(value: string): value is IsoDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(y, mo);
}

/** The date a `YYYY-MM-DD` string names, or null when it names none (2023-02-29, 2023-1-01 …). */
export const parseIsoDate = (value: string): IsoDate | null => (isValidIsoDate(value) ? value : null);

/** The date a `YYYY-MM-DD` string names; throws on one that names none (fixed dates in code and tests). */
export function isoDate(value: string): IsoDate {
  if (!isValidIsoDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return value;
}

/**
 * A `YYYY-MM-DD` string already admitted where it came in (the contract's schema, the profile reader,
 * a column this app wrote), typed as a date without a second check, as it was used before the brand.
 */
export const admittedDate = (value: string): IsoDate => value as IsoDate;

/** A date from its numbers, the day clamped to the month's last (31 Aug − 6 months = 28 Feb). */
const clampedDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, lastDay(year, month)))}` as IsoDate;

const parts = (date: IsoDate) => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))] as const;

// Day numbers (days since 1970-01-01, proleptic Gregorian) by arithmetic, not Date: no 2-digit-year
// quirk of Date.UTC, and cheap enough to run for every rule of every profile.
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
  return `${pad(yoe + era * 400 + (m <= 2 ? 1 : 0), 4)}-${pad(m)}-${pad(d)}` as IsoDate;
}

/** Days since 1970-01-01: windows counted in days compare numbers. */
export const dayOf = (date: IsoDate): number => dayNumber(...parts(date));

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayOf(date) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayOf(to) - dayOf(from);

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay (1970-01-01 was a Thursday). */
export const weekday = (date: IsoDate): number => (((dayOf(date) + 4) % 7) + 7) % 7;

/** Months later (or earlier); a day the target month lacks becomes its last day (31 Aug − 6 months = 28 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  return clampedDate(year, index - year * 12 + 1, d);
}

/**
 * The same day `years` later. A 29 February falls on 1 March in years without one: a person
 * born on 29 February has completed the years only once 28 February is over. By slicing, not
 * splitting: it runs for every rule of every profile.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const leapDay = date.charCodeAt(6) === 50 /* 2 */ && date.charCodeAt(5) === 48 /* 0 */ && date.endsWith('29');
  if (leapDay && !isLeap(year)) return `${pad(year, 4)}-03-01` as IsoDate;
  return (pad(year, 4) + date.slice(4)) as IsoDate;
}

/** Completed years between a birth date and a day. */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const years = yearOf(day) - yearOf(birthDate);
  return addYears(birthDate, years) <= day ? years : years - 1;
}

/** Not yet `years` old on `day`: ageOn(birthDate, day) < years, with one date computed. */
export const youngerThan = (birthDate: IsoDate, years: number, day: IsoDate): boolean => addYears(birthDate, years) > day;

export const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/** `dd/mm/yyyy`, the way dates are written in Vietnamese documents. */
export const formatVietnameseDate = (date: IsoDate): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

// Made once: building a DateTimeFormat costs about as much as the hub's whole answer to a call.
const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today in Vietnam (UTC+7), whatever the machine's time zone. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return vietnamDay.format(now) as IsoDate;
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/**
 * The calendar day in Vietnam (UTC+7, no daylight saving) of a synced timestamp such as
 * `2026-11-30T10:00:00.000Z`; a plain date stays as it is; null when it is not a date at all.
 */
export function vietnamDateOf(stamp: string): IsoDate | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(stamp)) return parseIsoDate(stamp);
  const ms = Date.parse(stamp);
  if (!Number.isFinite(ms)) return null;
  const shifted = new Date(ms + VIETNAM_OFFSET_MS);
  if (!Number.isFinite(shifted.getTime())) return null;
  // Beyond year 9999 (or before year 0) the ISO form gains a sign and is longer; year 0 is no year either.
  const iso = shifted.toISOString();
  return iso.length === 24 && !iso.startsWith('0000') ? (iso.slice(0, 10) as IsoDate) : null;
}
