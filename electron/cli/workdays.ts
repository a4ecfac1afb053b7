import { addWorkingDays, CALENDAR_YEARS, isCalendarYear, loadHolidayData, MAX_WORKING_DAYS } from '../base/calendar';
import { dateFlag, printResult, success, usage, type CliResult } from './proactive-cli';

/**
 * `motcua workdays --from YYYY-MM-DD --add N [--saturday-morning] --json` — an exact interface:
 *   {"date":"YYYY-MM-DD"}   the day a result is ready, N working days counted from the day after --from
 * (see addWorkingDays). --saturday-morning is accepted: a Saturday-morning opening receives files
 * but never counts toward a processing time, so the date is the same.
 */
export function workdays(request: { from?: string; add?: string; 'saturday-morning'?: boolean }, appRoot: string): CliResult {
  const from = dateFlag(request.from);
  const range = `${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}`;
  if (!from || !isCalendarYear(Number(from.slice(0, 4)))) {
    return usage(`--from phải là một ngày YYYY-MM-DD trong các năm ${range}`, `--from must be a date YYYY-MM-DD in the years ${range}`);
  }
  if (request.add === undefined || !/^\d+$/.test(request.add) || Number(request.add) > MAX_WORKING_DAYS) {
    return usage(`--add phải là số nguyên từ 0 đến ${MAX_WORKING_DAYS}`, `--add must be a whole number from 0 to ${MAX_WORKING_DAYS}`);
  }
  const options = { saturdayMorning: request['saturday-morning'] ?? false, holidays: loadHolidayData(appRoot) };
  try {
    return success({ date: addWorkingDays(from, Number(request.add), options) });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return usage(`Kết quả vượt quá các năm ${range}`, `The result falls beyond the years ${range}`);
  }
}

export async function workdaysCommand(flags: { from?: string; add?: string; 'saturday-morning'?: boolean; json?: boolean }, appRoot: string): Promise<void> {
  printResult(workdays(flags, appRoot), flags.json);
}
