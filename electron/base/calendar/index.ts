/**
 * The Vietnamese calendar of the proactive engines: lunar dates (UTC+7), the public holidays of
 * a year (government data, a technician's override, or the computed default) and working days.
 */
export { lunarNewYear, lunarToSolar, solarToLunar, type LunarDate } from './lunar';
export { holidayData, holidayYear, withOverrides, type DayOff, type HolidayData, type HolidayYear } from './holiday-data';
export { loadHolidayData } from './holiday-file';
export { CALENDAR_YEARS, holidaysFor, isCalendarYear, type YearHolidays } from './holidays';
export { addWorkingDays, isOpenDay, MAX_WORKING_DAYS, workingDayCredit, type WorkdayOptions } from './working-days';
