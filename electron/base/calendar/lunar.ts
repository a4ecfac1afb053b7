/**
 * The Vietnamese lunar calendar, computed — not a table of dates.
 *
 * Algorithm of Hồ Ngọc Đức, "Thuật toán tính âm lịch" (Computing the Vietnamese lunar calendar,
 * 2004), with the new moons and the sun's longitude from Jean Meeus, "Astronomical Algorithms"
 * (1998, ch. 25 and 49, low-precision series). The calendar is the Chinese rule set applied at
 * Vietnam's meridian: a month starts on the local (UTC+7) day of the new moon, month 11 holds the
 * winter solstice, and in a 13-month year the first month without a major solar term is the
 * leap month. The time zone matters: at UTC+8 Tết falls a month or a day apart in some years
 * (1985, 2007). Accurate for 1800–2199, the range the callers allow.
 */
import type { IsoDate } from '../calendar-date';
import { fromJulianDay, toJulianDay } from './julian-day';

export const VIETNAM_UTC_OFFSET_HOURS = 7;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1 January 1900, Meeus' epoch for the lunation number k. */
const LUNATION_EPOCH = 2415021.076998695;
const RAD = Math.PI / 180;

/** Julian day (fractional, UT) of the k-th new moon after 1 January 1900 (Meeus ch. 49). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c = (0.1734 - 0.000393 * T) * Math.sin(M * RAD) + 0.0021 * Math.sin(2 * RAD * M);
  c += -0.4068 * Math.sin(Mpr * RAD) + 0.0161 * Math.sin(RAD * 2 * Mpr) - 0.0004 * Math.sin(RAD * 3 * Mpr);
  c += 0.0104 * Math.sin(RAD * 2 * F) - 0.0051 * Math.sin(RAD * (M + Mpr)) - 0.0074 * Math.sin(RAD * (M - Mpr));
  c += 0.0004 * Math.sin(RAD * (2 * F + M)) - 0.0004 * Math.sin(RAD * (2 * F - M)) - 0.0006 * Math.sin(RAD * (2 * F + Mpr));
  c += 0.001 * Math.sin(RAD * (2 * F - Mpr)) + 0.0005 * Math.sin(RAD * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c - deltaT;
}

/** The sun's apparent longitude in radians, 0 ≤ L < 2π, at a Julian day (Meeus ch. 25). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RAD * M);
  dl += (0.019993 - 0.000101 * T) * Math.sin(RAD * 2 * M) + 0.00029 * Math.sin(RAD * 3 * M);
  const L = (L0 + dl) * RAD;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** The local day number on which the k-th new moon falls. */
const newMoonDay = (k: number, tz: number) => Math.floor(newMoon(k) + 0.5 + tz / 24);

/** Which of the 12 major solar terms (30° sectors) the sun is in at the start of a local day. */
const solarTermAt = (dayNumber: number, tz: number) => Math.floor((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);

/** First day of lunar month 11 (the one holding the winter solstice) of a Gregorian year. */
function month11Start(year: number, tz: number): number {
  const k = Math.floor((toJulianDay(year, 12, 31) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, tz);
  // The sun already past 270° at that new moon: the solstice fell in the month before, which is month 11.
  return solarTermAt(start, tz) >= 9 ? newMoonDay(k - 1, tz) : start;
}

/** In a 13-month year from month 11 at `a11`: how many months after it the leap month comes. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - LUNATION_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = solarTermAt(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarTermAt(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The day `day` of lunar month `month` (leap or not) of lunar year `year`, as a Gregorian date. */
export function lunarToSolar(date: LunarDate, tz = VIETNAM_UTC_OFFSET_HOURS): IsoDate {
  const { day, month, year, leap } = date;
  const [a11, b11] = month < 11 ? [month11Start(year - 1, tz), month11Start(year, tz)] : [month11Start(year, tz), month11Start(year + 1, tz)];
  const k = Math.floor(0.5 + (a11 - LUNATION_EPOCH) / SYNODIC_MONTH);
  let offset = (month - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, tz);
    const leapMonth = (leapOffset - 2 + 12) % 12;
    if (leap && month !== leapMonth) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`lunar year ${year} has no leap month`);
  }
  return fromJulianDay(newMoonDay(k + offset, tz) + day - 1);
}

/** The lunar date of a Gregorian date. */
export function solarToLunar(date: IsoDate, tz = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dayNumber = toJulianDay(y, m, d);
  const k = Math.floor((dayNumber - LUNATION_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = month11Start(y, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = y;
    a11 = month11Start(y - 1, tz);
  } else {
    year = y + 1;
    b11 = month11Start(y + 1, tz);
  }
  const diff = Math.floor((monthStart - a11) / 29);
  let month = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, tz);
    if (diff >= leapOffset) {
      month = diff + 10;
      leap = diff === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day: dayNumber - monthStart + 1, month, year, leap };
}

/** Tết Nguyên Đán: the first day of the first lunar month of the lunar year starting in `year`. */
export const lunarNewYear = (year: number, tz = VIETNAM_UTC_OFFSET_HOURS): IsoDate => lunarToSolar({ day: 1, month: 1, year, leap: false }, tz);
