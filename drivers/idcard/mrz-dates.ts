import { isoDay } from './calendar-day';

function parts(yymmdd: string): [number, number, number] | null {
  if (!/^[0-9]{6}$/.test(yymmdd)) return null;
  return [Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6))];
}

const centuryStart = (isoDate: string): number => Math.floor(Number(isoDate.slice(0, 4)) / 100) * 100;

/**
 * A birth date is never in the future: the latest century giving a day on or before today.
 * `knownCentury` (from a Vietnamese personal number) wins when it gives such a day, so a
 * centenarian is not read as a newborn.
 */
export function birthDateFromMrz(yymmdd: string, today: string, knownCentury?: number): string | null {
  const p = parts(yymmdd);
  if (p === null) return null;
  const [yy, mm, dd] = p;
  const stated = knownCentury === undefined ? null : isoDay(knownCentury + yy, mm, dd);
  if (stated !== null && stated <= today) return stated;
  const thisCentury = isoDay(centuryStart(today) + yy, mm, dd);
  if (thisCentury !== null && thisCentury <= today) return thisCentury;
  // Either in the future this century, or 29 February of a year that is not leap this century.
  return isoDay(centuryStart(today) - 100 + yy, mm, dd);
}

/** An expiry date lies within 50 years of today either way, so an expired document reads as expired. */
export function expiryDateFromMrz(yymmdd: string, today: string): string | null {
  const p = parts(yymmdd);
  if (p === null) return null;
  const [yy, mm, dd] = p;
  const todayYear = Number(today.slice(0, 4));
  let year = centuryStart(today) + yy;
  if (year > todayYear + 50) year -= 100;
  else if (year < todayYear - 50) year += 100;
  return isoDay(year, mm, dd);
}
