import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar, solarToLunar } from '../../electron/base/calendar/lunar';
import { addDays, isoDate } from '../../electron/base/calendar-date';

describe('lunar new year (Tết Nguyên đán) at UTC+7', () => {
  it.each([
    [1968, '1968-01-29'],
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'],
  ])('%i: %s', (year, date) => expect(lunarNewYear(year)).toBe(date));

  // The years Hồ Ngọc Đức lists where Vietnam's Tết and China's (UTC+8) differ.
  it.each([
    [1968, '1968-01-30'],
    [1985, '1985-02-20'],
    [2007, '2007-02-18'],
    [2030, '2030-02-03'],
  ])('%i differs at UTC+8 (China: %s)', (year, chinese) => {
    expect(lunarNewYear(year, 8)).toBe(chinese);
    expect(lunarNewYear(year)).not.toBe(chinese);
  });
});

describe("Hùng Kings' day: the 10th day of the 3rd lunar month", () => {
  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('%i: %s', (year, date) => expect(lunarToSolar({ day: 10, month: 3, year, leap: false })).toBe(date));
});

describe('solar → lunar', () => {
  it('knows the leap 6th month of 2025 (Ất Tỵ)', () => {
    expect(solarToLunar(isoDate('2025-07-25'))).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
  });

  it('refuses a leap month the year does not have', () => {
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2025, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2024, leap: true })).toThrow(RangeError);
  });

  const year = fc.integer({ min: 1901, max: 2198 });

  it('Tết is day 1 of month 1 and its eve the last day of month 12', () => {
    fc.assert(
      fc.property(year, (y) => {
        const tet = lunarNewYear(y);
        expect(solarToLunar(tet)).toEqual({ day: 1, month: 1, year: y, leap: false });
        const eve = solarToLunar(addDays(tet, -1));
        expect(eve).toMatchObject({ month: 12, year: y - 1 });
        expect([29, 30]).toContain(eve.day);
      }),
    );
  });

  it('round-trips any day through the lunar date', () => {
    const day = fc.integer({ min: 0, max: 365 * 200 }).map((n) => addDays(isoDate('1910-01-01'), n));
    fc.assert(
      fc.property(day, (d) => {
        expect(lunarToSolar(solarToLunar(d))).toBe(d);
      }),
    );
  });
});
