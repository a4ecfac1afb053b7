import { z } from 'zod';
import { localizedText } from '../../contract/localized';
import { isoDate } from '../../contract/schemas';
import { admittedDate } from '../calendar-date';

/**
 * The per-year days off the government decides (`resources/calendar/holidays.json`, or a
 * technician's override of the same shape). A year listed here replaces the computed default
 * whole: the government's notice names every day off, including swapped and compensatory ones.
 */
/** A day of the file, typed as a date once its pattern is admitted. */
const day = isoDate.transform(admittedDate);

const dayOff = z
  .object({
    date: day,
    name: localizedText,
    /** Not confirmed from the government's notice: shown as such. */
    unsure: z.boolean().optional(),
  })
  .strict();
export type DayOff = z.infer<typeof dayOff>;

const workingSaturday = z.object({ date: day, unsure: z.boolean().optional() }).strict();

/**
 * A day announced as a future day off but not (yet) one in law — "Ngày Văn hóa Việt Nam" on
 * 24 November until the Labour Code says so. Never counted as a day off; shown so that a
 * technician can add it once it is confirmed.
 */
const watchedDay = z.object({ date: day, name: localizedText, note: z.string() }).strict();

export const holidayYear = z
  .object({
    /** Where the days come from (the government's or ministry's notice). */
    source: z.string().optional(),
    daysOff: z.array(dayOff),
    /** Saturdays worked to make up a swapped weekday: full working days. */
    workingSaturdays: z.array(workingSaturday).default([]),
    watch: z.array(watchedDay).default([]),
  })
  .strict();
export type HolidayYear = z.infer<typeof holidayYear>;

export const holidayData = z
  .object({
    note: z.string().optional(),
    years: z.record(z.string().regex(/^\d{4}$/), holidayYear),
  })
  .strict()
  .superRefine((data, ctx) => {
    for (const [year, days] of Object.entries(data.years)) {
      for (const { date } of [...days.daysOff, ...days.workingSaturdays, ...days.watch]) {
        if (!date.startsWith(`${year}-`)) ctx.addIssue({ code: 'custom', path: ['years', year], message: `${date} is not in ${year}` });
      }
    }
  });
export type HolidayData = z.infer<typeof holidayData>;

/** A technician's override wins year by year over the shipped data. */
export const withOverrides = (base: HolidayData, overrides: HolidayData): HolidayData => ({
  ...base,
  years: { ...base.years, ...overrides.years },
});
