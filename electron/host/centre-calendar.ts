import type { SettingsRepository } from '../db/settings-repository';
import { holidayData, loadHolidayData, type HolidayData, type WorkdayOptions } from '../base/calendar';

/** Settings a technician sets for this centre (the console screen writes them). */
export const CALENDAR_SETTINGS = { saturdayMorning: 'centre.saturdayMorning', holidayOverrides: 'calendar.holidayOverrides' } as const;

/**
 * The centre's working days: the shipped holiday data, a technician's per-year override (JSON of
 * the same shape; an unreadable one is reported and ignored), and Saturday-morning opening.
 */
export function centreCalendar(appRoot: string, settings: SettingsRepository, logError: (what: string, error: unknown) => void = () => {}): () => WorkdayOptions {
  const holidays: HolidayData = loadHolidayData(appRoot);
  return () => {
    const saturdayMorning = settings.get(CALENDAR_SETTINGS.saturdayMorning) === 'true';
    const raw = settings.get(CALENDAR_SETTINGS.holidayOverrides);
    if (raw === null) return { saturdayMorning, holidays };
    try {
      return { saturdayMorning, holidays, overrides: holidayData.parse(JSON.parse(raw)) };
    } catch (error) {
      logError('calendar', new Error(`holiday override ignored: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`));
      return { saturdayMorning, holidays };
    }
  };
}
