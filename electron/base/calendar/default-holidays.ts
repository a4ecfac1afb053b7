import type { LocalizedText } from '../../contract/localized';
import { addDays, isoDate, pad, weekday, type IsoDate } from '../calendar-date';
import type { DayOff, HolidayYear } from './holiday-data';
import { HOLIDAY_NAMES } from './holiday-names';
import { lunarNewYear, lunarToSolar } from './lunar';

const on = (year: number, month: number, day: number): IsoDate => isoDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
const isWeekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;

/**
 * The adjacent day of National Day (Labour Code 2019, art. 112(1)(đ): "2 September and one day
 * before or after", chosen by the Prime Minister). Default: the one that joins the weekend —
 * 3 September when the 2nd is a Monday or Thursday, else 1 September (what 2022–2025 had).
 */
function nationalDayAdjacent(year: number): IsoDate {
  const day = weekday(on(year, 9, 2));
  return day === 1 || day === 4 ? on(year, 9, 3) : on(year, 9, 1);
}

/** The statutory days: art. 112(1). Tết: the last day of the lunar year and the first four of the next. */
function statutoryDays(year: number): DayOff[] {
  const tet = lunarNewYear(year);
  const named = (date: IsoDate, name: LocalizedText): DayOff => ({ date, name });
  return [
    named(on(year, 1, 1), HOLIDAY_NAMES.newYear),
    ...[-1, 0, 1, 2, 3].map((offset) => named(addDays(tet, offset), HOLIDAY_NAMES.tet)),
    named(lunarToSolar({ day: 10, month: 3, year, leap: false }), HOLIDAY_NAMES.hungKings),
    named(on(year, 4, 30), HOLIDAY_NAMES.reunification),
    named(on(year, 5, 1), HOLIDAY_NAMES.labour),
    named(on(year, 9, 2), HOLIDAY_NAMES.nationalDay),
    named(nationalDayAdjacent(year), HOLIDAY_NAMES.nationalDayAdjacent),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The placement used when a year has no data: the statutory days, and for each one on a
 * Saturday or Sunday a compensatory day on the next weekday that is not already off
 * (art. 111(3): a weekly day off that falls on a holiday is taken on the next working day). The government's notice for the year may differ (swaps, longer Tết breaks).
 */
export function defaultHolidayYear(year: number): HolidayYear {
  let cached = computed.get(year);
  if (!cached) computed.set(year, (cached = computeDefault(year)));
  return cached;
}

/** The computation is pure and the working-day count asks for a year once per day: keep them. */
const computed = new Map<number, HolidayYear>();

function computeDefault(year: number): HolidayYear {
  const days = statutoryDays(year);
  const off = new Set(days.map((d) => d.date));
  const compensatory: DayOff[] = [];
  for (const day of days.filter((d) => isWeekend(d.date))) {
    let date = addDays(day.date, 1);
    while (isWeekend(date) || off.has(date)) date = addDays(date, 1);
    off.add(date);
    compensatory.push({ date, name: { vi: `${HOLIDAY_NAMES.compensatory.vi}: ${day.name.vi}`, en: `${HOLIDAY_NAMES.compensatory.en}: ${day.name.en}` } });
  }
  return {
    source: 'Bộ luật Lao động 2019, Điều 112 (mặc định tính theo âm lịch) / Labour Code 2019, art. 112 (computed default)',
    daysOff: [...days, ...compensatory].sort((a, b) => a.date.localeCompare(b.date)),
    workingSaturdays: [],
    watch: [],
  };
}
