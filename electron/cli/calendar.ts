import { CALENDAR_YEARS, holidaysFor, isCalendarYear, loadHolidayData } from '../base/calendar';
import { printResult, success, usage, type CliResult } from './proactive-cli';

/**
 * `motcua calendar --year YYYY --json` — an exact interface other tools depend on:
 *   {"lunarNewYear":"YYYY-MM-DD","holidays":[{"date","name":{"vi","en"}}]}
 * The days off of the year in date order: the shipped per-year data, else the computed default.
 */
export function calendar(request: { year?: string }, appRoot: string): CliResult {
  const year = Number(request.year);
  if (request.year === undefined || !/^\d{4}$/.test(request.year) || !isCalendarYear(year)) {
    const range = `${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}`;
    return usage(`--year phải là một năm từ ${range}`, `--year must be a year in ${range}`);
  }
  const days = holidaysFor(year, loadHolidayData(appRoot));
  return success({ lunarNewYear: days.lunarNewYear, holidays: days.daysOff.map(({ date, name }) => ({ date, name })) });
}

export async function calendarCommand(flags: { year?: string; json?: boolean }, appRoot: string): Promise<void> {
  printResult(calendar(flags, appRoot), flags.json);
}
