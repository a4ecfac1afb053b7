import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { holidayData, type HolidayData } from './holiday-data';

export const holidayFile = (appRoot: string) => join(appRoot, 'resources', 'calendar', 'holidays.json');

const loaded = new Map<string, HolidayData>();

/** The shipped per-year days off, validated; read once per app root. Throws on a malformed file. */
export function loadHolidayData(appRoot: string): HolidayData {
  const file = holidayFile(appRoot);
  let data = loaded.get(file);
  if (!data) loaded.set(file, (data = holidayData.parse(JSON.parse(readFileSync(file, 'utf8')))));
  return data;
}
