import { addDays, weekday, type IsoDate } from '../calendar-date';
import type { HolidayData } from './holiday-data';
import { yearPlacement } from './holidays';

export interface WorkdayOptions {
  /**
   * The centre opens on Saturday mornings: it receives and returns files then, but a Saturday
   * never counts toward a legal processing time (those count Monday–Friday working days).
   */
  saturdayMorning?: boolean;
  /** The per-year days off (shipped file); without it every year gets the computed default. */
  holidays?: HolidayData;
  /** A technician's per-year data, over `holidays`. */
  overrides?: HolidayData;
}

/** The most working days one call may add: a guard against a runaway loop, far above any procedure. */
export const MAX_WORKING_DAYS = 2000;

/**
 * How much of a working day a date is toward a processing time: 1 on a weekday that is not a
 * day off and on a Saturday worked to make up a swap, else 0 — a Saturday-morning opening
 * included (the time limits of the one-stop mechanism count working days, Monday to Friday).
 */
export function workingDayCredit(date: IsoDate, options: WorkdayOptions = {}): number {
  const { days } = yearPlacement(Number(date.slice(0, 4)), options.holidays, options.overrides);
  if (days.workingSaturdays.some((s) => s.date === date)) return 1;
  if (days.daysOff.some((d) => d.date === date)) return 0;
  const day = weekday(date);
  return day === 0 || day === 6 ? 0 : 1;
}

/** Whether the office is open to receive or return files: a working day, or a Saturday morning that is not a day off. */
export function isOpenDay(date: IsoDate, options: WorkdayOptions = {}): boolean {
  if (workingDayCredit(date, options) > 0) return true;
  if (!options.saturdayMorning || weekday(date) !== 6) return false;
  const { days } = yearPlacement(Number(date.slice(0, 4)), options.holidays, options.overrides);
  return !days.daysOff.some((d) => d.date === date);
}

/**
 * The date a result is ready when it takes `n` working days from a filing on `from`.
 * The day of filing never counts (whatever the hour): counting starts the next day, as time
 * limits in days do (Civil Code 2015, art. 147). The result is the first day on which the
 * working time counted since reaches `n` — so always a working day, never a day off or a
 * Saturday. `n = 0` is the day of filing itself.
 */
export function addWorkingDays(from: IsoDate, n: number, options: WorkdayOptions = {}): IsoDate {
  if (!Number.isFinite(n) || n < 0 || n > MAX_WORKING_DAYS || !Number.isInteger(n)) {
    throw new RangeError(`working days must be a whole number in 0–${MAX_WORKING_DAYS}: ${n}`);
  }
  let date = from;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    counted += workingDayCredit(date, options);
  }
  return date;
}
