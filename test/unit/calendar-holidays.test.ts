import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { holidayData, holidaysFor, loadHolidayData, workingDayCredit, type HolidayData } from '../../electron/base/calendar';
import { isoDate } from '../../electron/base/calendar-date';

const shipped = loadHolidayData(process.cwd());
const dates = (year: number, data?: HolidayData, overrides?: HolidayData) => holidaysFor(year, data, overrides).daysOff.map((d) => d.date);

describe('holidaysFor', () => {
  it('2025 comes from the shipped data: Tết break 27–31 January, 30 April–2 May, 1–2 September', () => {
    const year = holidaysFor(2025, shipped);
    expect(year.placement).toBe('data');
    expect(year.lunarNewYear).toBe('2025-01-29');
    expect(dates(2025, shipped)).toEqual([
      '2025-01-01',
      '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07',
      '2025-04-30', '2025-05-01', '2025-05-02',
      '2025-09-01', '2025-09-02',
    ]);
    expect(year.workingSaturdays).toEqual(['2025-04-26']);
  });

  it("2026: Hùng Kings' day on a Sunday gives Monday 27 April off", () => {
    expect(dates(2026, shipped)).toEqual(expect.arrayContaining(['2026-02-17', '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-02']));
  });

  it('a year without data gets the default: Tết eve + 4 days, compensatory days after weekend holidays', () => {
    const year = holidaysFor(2027, shipped);
    expect(year.placement).toBe('default');
    // Tết 2027 is Saturday 6 February: eve Friday 5, two weekend days of Tết compensated on Wed 10 and Thu 11;
    // 1 May is a Saturday (Monday 3 off); 2 September a Thursday, so the adjacent day is Friday 3.
    expect(dates(2027)).toEqual([
      '2027-01-01',
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
      '2027-04-16',
      '2027-04-30', '2027-05-01', '2027-05-03',
      '2027-09-02', '2027-09-03',
    ]);
  });

  it('a technician override replaces the year', () => {
    const override: HolidayData = {
      years: { '2027': { daysOff: [{ date: isoDate('2027-01-01'), name: { vi: 'Tết Dương lịch', en: "New Year's Day" } }], workingSaturdays: [], watch: [] } },
    };
    expect(dates(2027, shipped, override)).toEqual(['2027-01-01']);
    expect(dates(2025, shipped, override)).toEqual(dates(2025, shipped));
  });

  it('refuses data whose dates are not in the year they are filed under', () => {
    const bad = { years: { '2027': { daysOff: [{ date: '2028-01-01', name: { vi: 'x', en: 'x' } }] } } };
    expect(holidayData.safeParse(bad).success).toBe(false);
  });

  it('refuses years the computation does not cover', () => {
    expect(() => holidaysFor(1899)).toThrow(RangeError);
    expect(() => holidaysFor(2200)).toThrow(RangeError);
  });
});

describe('days the law has not (yet) made days off', () => {
  const file = JSON.parse(readFileSync('resources/calendar/holidays.json', 'utf8')) as { years: Record<string, { source: string; watch?: { date: string }[]; daysOff: { date: string; unsure?: boolean }[] }> };

  it('24 November (Vietnam Culture Day) is watched, not counted, until the Labour Code makes it a day off', () => {
    expect(file.years['2026']?.watch?.map((w) => w.date)).toEqual(['2026-11-24']);
    expect(file.years['2026']?.daysOff.map((d) => d.date)).not.toContain('2026-11-24');
    expect(workingDayCredit(isoDate('2026-11-24'), { holidays: loadHolidayData(process.cwd()) })).toBe(1);
  });

  it("the 2026 National Day adjacent day is marked unconfirmed; the compensatory day cites the Labour Code's art. 111(3)", () => {
    expect(file.years['2026']?.daysOff.find((d) => d.date === '2026-09-01')?.unsure).toBe(true);
    expect(file.years['2026']?.source).toContain('Điều 111 khoản 3');
    expect(file.years['2026']?.source).not.toContain('Điều 112(3)');
  });
});
