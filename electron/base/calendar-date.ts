/**
 * Calendar dates as ISO `YYYY-MM-DD` strings: they compare correctly as strings and carry no
 * time zone, which is what a birth date or a legal deadline is.
 */
export type IsoDate = string;

export function isValidIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The same day `years` later. A 29 February falls on 1 March in years without one: a person
 * born on 29 February has completed the years only once 28 February is over.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  if (d > daysInMonth(year, m)) return `${pad(year, 4)}-${pad(m + 1)}-01`;
  return `${pad(year, 4)}-${pad(m)}-${pad(d)}`;
}

/** Completed years between a birth date and a day. */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return addYears(birthDate, years) <= day ? years : years - 1;
}

export const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/** `dd/mm/yyyy`, the way dates are written in Vietnamese documents. */
export function formatVietnameseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

// Made once: building a DateTimeFormat costs about as much as the hub's whole answer to a call.
const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today in Vietnam (UTC+7), whatever the machine's time zone. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return vietnamDay.format(now);
}
