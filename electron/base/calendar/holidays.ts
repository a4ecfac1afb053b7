import type { IsoDate } from '../calendar-date';
import { defaultHolidayYear } from './default-holidays';
import { withOverrides, type DayOff, type HolidayData, type HolidayYear } from './holiday-data';
import { lunarNewYear } from './lunar';

export interface YearHolidays {
  year: number;
  lunarNewYear: IsoDate;
  /** `data`: the government's days as shipped or overridden; `default`: computed (art. 112). */
  placement: 'data' | 'default';
  source: string | undefined;
  /** In date order. */
  daysOff: DayOff[];
  workingSaturdays: IsoDate[];
}

/** The first and last years the lunar computation and the callers accept. */
export const CALENDAR_YEARS = { first: 1900, last: 2199 } as const;

export const isCalendarYear = (year: number) => Number.isInteger(year) && year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last;

/** The year's data if there is any (the technician's `overrides` first, then `data`), else the computed default. */
export function yearPlacement(year: number, data?: HolidayData, overrides?: HolidayData): { placement: 'data' | 'default'; days: HolidayYear } {
  if (!isCalendarYear(year)) throw new RangeError(`year out of range ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}: ${year}`);
  const merged = data && overrides ? withOverrides(data, overrides) : (overrides ?? data);
  const given = merged?.years[String(year)];
  return given ? { placement: 'data', days: given } : { placement: 'default', days: defaultHolidayYear(year) };
}

/**
 * The days off of one year and its lunar new year: the year's data if there is any (the
 * technician's `overrides` first, then `data`, the shipped file), else the default placement
 * computed from the lunar calendar.
 */
export function holidaysFor(year: number, data?: HolidayData, overrides?: HolidayData): YearHolidays {
  const { placement, days } = yearPlacement(year, data, overrides);
  return {
    year,
    lunarNewYear: lunarNewYear(year),
    placement,
    source: days.source,
    daysOff: [...days.daysOff].sort((a, b) => a.date.localeCompare(b.date)),
    workingSaturdays: days.workingSaturdays.map((s) => s.date).sort(),
  };
}
