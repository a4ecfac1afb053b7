import type { IsoDate } from '../calendar-date';
import type { HolidayData } from './holiday-data';
import { yearPlacement } from './holidays';
import { addDays, weekday } from './julian-day';

export interface WorkdayOptions {
  /** The centre opens on Saturday mornings: a Saturday that is not a day off counts half a day. */
  saturdayMorning?: boolean;
  /** The per-year days off (shipped file); without it every year gets the computed default. */
  holidays?: HolidayData;
  /** A technician's per-year data, over `holidays`. */
  overrides?: HolidayData;
}

/** The most working days one call may add: a guard against a runaway loop, far above any procedure. */
export const MAX_WORKING_DAYS = 2000;

/**
 * How much of a working day a date is: 1 on a weekday that is not a day off and on a Saturday
 * worked to make up a swap, ½ on other Saturdays with `saturdayMorning`, else 0.
 */
export function workingDayCredit(date: IsoDate, options: WorkdayOptions = {}): number {
  const { days } = yearPlacement(Number(date.slice(0, 4)), options.holidays, options.overrides);
  if (days.workingSaturdays.some((s) => s.date === date)) return 1;
  if (days.daysOff.some((d) => d.date === date)) return 0;
  const day = weekday(date);
  if (day === 0) return 0;
  if (day === 6) return options.saturdayMorning ? 0.5 : 0;
  return 1;
}

/**
 * The date a result is ready when it takes `n` working days from a filing on `from`.
 * The day of filing never counts (whatever the hour): counting starts the next day, as time
 * limits in days do (Civil Code 2015, art. 147). The result is the first day on which the
 * working time counted since reaches `n` — so always a working day (or a Saturday morning),
 * never a day off. `n = 0` is the day of filing itself.
 */
export function addWorkingDays(from: IsoDate, n: number, options: WorkdayOptions = {}): IsoDate {
  if (!Number.isFinite(n) || n < 0 || n > MAX_WORKING_DAYS || !Number.isInteger(n * 2)) {
    throw new RangeError(`working days must be a multiple of ½ in 0–${MAX_WORKING_DAYS}: ${n}`);
  }
  let date = from;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    counted += workingDayCredit(date, options);
  }
  return date;
}
