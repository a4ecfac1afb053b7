import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isOpenDay, loadHolidayData, workingDayCredit, type WorkdayOptions } from '../../electron/base/calendar';
import { addDays, isoDate } from '../../electron/base/calendar-date';

const holidays = loadHolidayData(process.cwd());
const opts: WorkdayOptions = { holidays };

describe('addWorkingDays across Tết', () => {
  it.each([
    // 2024 (computed default): Tết eve Fri 9 Feb to Tue 13, Tết on the weekend compensated Wed 14 and Thu 15.
    ['2024-02-08', 1, '2024-02-16'],
    // 2025 (data): Mon 27 – Fri 31 January off, then the weekend.
    ['2025-01-24', 1, '2025-02-03'],
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-01-22', 5, '2025-02-05'],
    // 2026 (data): Mon 16 – Fri 20 February off.
    ['2026-02-13', 1, '2026-02-23'],
    // 2027 (default): Fri 5 – Thu 11 February off.
    ['2027-02-04', 1, '2027-02-12'],
  ])('from %s add %i → %s', (from, n, ready) => expect(addWorkingDays(isoDate(from), n, opts)).toBe(ready));
});

describe('addWorkingDays across a weekend + holiday bridge', () => {
  it('2025: Wed 30 April, Thu 1 May, swapped Fri 2 May and the weekend are off', () => {
    expect(addWorkingDays(isoDate('2025-04-29'), 1, opts)).toBe('2025-05-05');
    expect(addWorkingDays(isoDate('2025-04-28'), 3, opts)).toBe('2025-05-06');
  });

  it('2025: Saturday 26 April is worked to make up the swap, a full day', () => {
    expect(addWorkingDays(isoDate('2025-04-25'), 1, opts)).toBe('2025-04-26');
    expect(workingDayCredit(isoDate('2025-04-26'), opts)).toBe(1);
  });

  it('2026: Sun 26 April (Hùng Kings) is compensated on Mon 27, then 30 April–3 May', () => {
    expect(addWorkingDays(isoDate('2026-04-24'), 1, opts)).toBe('2026-04-28');
    expect(addWorkingDays(isoDate('2026-04-29'), 1, opts)).toBe('2026-05-04');
  });

  it('the year turns over on 1 January', () => {
    expect(addWorkingDays(isoDate('2025-12-31'), 1, opts)).toBe('2026-01-02');
  });
});

describe('Saturday mornings', () => {
  it('never count toward a processing time: the result date is the same with or without them', () => {
    expect(addWorkingDays(isoDate('2025-12-01'), 10, opts)).toBe('2025-12-15');
    expect(addWorkingDays(isoDate('2025-12-01'), 10, { ...opts, saturdayMorning: true })).toBe('2025-12-15');
    expect(workingDayCredit(isoDate('2025-11-29'), { saturdayMorning: true })).toBe(0);
  });

  it('the office is open to receive files on a Saturday morning, unless that Saturday is a day off', () => {
    expect(isOpenDay(isoDate('2025-11-29'), { saturdayMorning: true })).toBe(true);
    expect(isOpenDay(isoDate('2025-11-29'), {})).toBe(false);
    expect(isOpenDay(isoDate('2027-05-01'), { saturdayMorning: true })).toBe(false);
    expect(isOpenDay(isoDate('2025-11-30'), { saturdayMorning: true })).toBe(false);
  });
});

describe('addWorkingDays semantics', () => {
  it('0 days is the day of filing; the filing day never counts', () => {
    expect(addWorkingDays(isoDate('2025-12-01'), 0, opts)).toBe('2025-12-01');
    expect(addWorkingDays(isoDate('2025-12-01'), 1, opts)).toBe('2025-12-02');
    expect(addWorkingDays(isoDate('2025-12-06'), 1, opts)).toBe('2025-12-08');
  });

  it('refuses negative, fractional and huge counts', () => {
    for (const n of [-1, 0.3, 0.5, Number.NaN, 5000]) expect(() => addWorkingDays(isoDate('2025-12-01'), n)).toThrow(RangeError);
  });

  const day = fc.integer({ min: 0, max: 365 * 5 }).map((n) => addDays(isoDate('2024-01-01'), n));
  const count = fc.integer({ min: 0, max: 60 });
  const saturdayMorning = fc.boolean();

  it('is monotonic in the count and in the start date, and lands on a working day', () => {
    fc.assert(
      fc.property(day, count, count, fc.integer({ min: 0, max: 30 }), saturdayMorning, (from, a, b, shift, sat) => {
        const o = { ...opts, saturdayMorning: sat };
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(from, lo, o) <= addWorkingDays(from, hi, o)).toBe(true);
        expect(addWorkingDays(from, lo, o) <= addWorkingDays(addDays(from, shift), lo, o)).toBe(true);
        if (hi > 0) expect(workingDayCredit(addWorkingDays(from, hi, o), o)).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
