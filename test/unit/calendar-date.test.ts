import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, addYears, ageOn, daysBetween, formatVietnameseDate, isoDate, isValidIsoDate, parseIsoDate, todayInVietnam, weekday, yearOf } from '../../electron/base/calendar-date';

/** Valid calendar days as ISO strings, from the JS Date (an independent calendar). */
const isoDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => isoDate(d.toISOString().slice(0, 10)));

describe('isValidIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-02-28', '2023-12-31', '2023-01-01', '1900-02-28', '0001-01-01', '9999-12-31', '2023-04-30'])(
    'accepts %s',
    (d) => expect(isValidIsoDate(d)).toBe(true),
  );

  it.each([
    ['2023-02-29', 'no 29 February in 2023'],
    ['1900-02-29', '1900 is not a leap year'],
    ['2100-02-29', '2100 is not a leap year'],
    ['2023-13-01', 'month 13'],
    ['2023-00-10', 'month 0'],
    ['2023-01-00', 'day 0'],
    ['2023-01-32', 'day 32'],
    ['2023-04-31', '30 days in April'],
    ['0000-01-01', 'year 0'],
    ['2023-1-01', 'one-digit month'],
    ['2023/01/01', 'slashes'],
    ['01/01/2023', 'Vietnamese order'],
    ['2023-01-01T00:00', 'a time part'],
    [' 2023-01-01', 'a leading space'],
    ['', 'empty'],
    ['abc', 'not a date'],
  ])('refuses %j (%s)', (d) => expect(isValidIsoDate(d)).toBe(false));

  it('agrees with the JS calendar on every day it generates', () => {
    fc.assert(
      fc.property(isoDay, (d) => {
        expect(isValidIsoDate(d)).toBe(true);
      }),
    );
  });

  it('agrees with the JS calendar on arbitrary YYYY-MM-DD strings', () => {
    const parts = fc.tuple(fc.integer({ min: 1, max: 2999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
    fc.assert(
      fc.property(parts, ([y, m, d]) => {
        const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const js = new Date(0);
        js.setUTCFullYear(y, m - 1, d);
        const exists = m >= 1 && m <= 12 && d >= 1 && js.getUTCFullYear() === y && js.getUTCMonth() === m - 1 && js.getUTCDate() === d;
        expect(isValidIsoDate(s)).toBe(exists);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('addYears', () => {
  it('moves to the same day and month', () => {
    expect(addYears(isoDate('2000-06-15'), 14)).toBe('2014-06-15');
    expect(addYears(isoDate('1999-12-31'), 1)).toBe('2000-12-31');
    expect(addYears(isoDate('2025-06-15'), -2)).toBe('2023-06-15');
  });

  it('puts 29 February on 1 March in years without one', () => {
    expect(addYears(isoDate('2004-02-29'), 1)).toBe('2005-03-01');
    expect(addYears(isoDate('2004-02-29'), 14)).toBe('2018-03-01');
    expect(addYears(isoDate('2000-02-29'), 100)).toBe('2100-03-01');
    expect(addYears(isoDate('2004-02-29'), -1)).toBe('2003-03-01');
  });

  it('keeps 29 February in leap years', () => {
    expect(addYears(isoDate('2004-02-29'), 4)).toBe('2008-02-29');
    expect(addYears(isoDate('2004-02-29'), 40)).toBe('2044-02-29');
    expect(addYears(isoDate('2000-02-29'), 400)).toBe('2400-02-29');
  });

  it('keeps 28 February and 1 March as they are', () => {
    expect(addYears(isoDate('2004-02-28'), 1)).toBe('2005-02-28');
    expect(addYears(isoDate('2004-03-01'), 1)).toBe('2005-03-01');
  });

  it('pads years to four digits', () => {
    expect(addYears(isoDate('0999-05-05'), 1)).toBe('1000-05-05');
    expect(addYears(isoDate('0010-05-05'), -5)).toBe('0005-05-05');
  });

  it('always returns a valid date with the right year, and only moves 29 February', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -100, max: 100 }), (d, n) => {
        const r = addYears(d, n);
        expect(isValidIsoDate(r)).toBe(true);
        expect(yearOf(r)).toBe(yearOf(d) + n);
        if (d.slice(5) !== '02-29') expect(r.slice(5)).toBe(d.slice(5));
        else expect(['02-29', '03-01']).toContain(r.slice(5));
      }),
    );
  });
});

describe('ageOn', () => {
  it('counts completed years, changing exactly on the birthday', () => {
    expect(ageOn(isoDate('2000-06-15'), isoDate('2014-06-14'))).toBe(13);
    expect(ageOn(isoDate('2000-06-15'), isoDate('2014-06-15'))).toBe(14);
    expect(ageOn(isoDate('2000-06-15'), isoDate('2014-06-16'))).toBe(14);
    expect(ageOn(isoDate('2000-06-15'), isoDate('2000-06-15'))).toBe(0);
    expect(ageOn(isoDate('2000-06-15'), isoDate('2000-12-31'))).toBe(0);
    expect(ageOn(isoDate('2000-06-15'), isoDate('2001-01-01'))).toBe(0);
  });

  it('handles the turn of the year', () => {
    expect(ageOn(isoDate('1999-12-31'), isoDate('2000-12-30'))).toBe(0);
    expect(ageOn(isoDate('1999-12-31'), isoDate('2000-12-31'))).toBe(1);
    expect(ageOn(isoDate('2000-01-01'), isoDate('2000-12-31'))).toBe(0);
    expect(ageOn(isoDate('2000-01-01'), isoDate('2001-01-01'))).toBe(1);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn(isoDate('2004-02-29'), isoDate('2005-02-28'))).toBe(0);
    expect(ageOn(isoDate('2004-02-29'), isoDate('2005-03-01'))).toBe(1);
    expect(ageOn(isoDate('2004-02-29'), isoDate('2008-02-28'))).toBe(3);
    expect(ageOn(isoDate('2004-02-29'), isoDate('2008-02-29'))).toBe(4);
  });

  it('agrees with counting birthdays one by one', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 40_000 }), (birth, days) => {
        const day = isoDate(new Date(Date.parse(`${birth}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10));
        let completed = 0;
        while (addYears(birth, completed + 1) <= day) completed++;
        expect(ageOn(birth, day)).toBe(completed);
      }),
    );
  });
});

describe('formatVietnameseDate', () => {
  it('writes dd/mm/yyyy with leading zeros', () => {
    expect(formatVietnameseDate(isoDate('2026-11-23'))).toBe('23/11/2026');
    expect(formatVietnameseDate(isoDate('2001-02-03'))).toBe('03/02/2001');
    expect(formatVietnameseDate(isoDate('1999-12-31'))).toBe('31/12/1999');
  });
});

describe('todayInVietnam', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('is the next day in Vietnam from 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
    expect(todayInVietnam(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
    expect(todayInVietnam(new Date('2026-11-23T18:00:00Z'))).toBe('2026-11-24');
  });

  it('is still the same day in Vietnam late in the UTC morning', () => {
    expect(todayInVietnam(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
    expect(todayInVietnam(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
  });

  it('crosses the year at 17:00 UTC on 31 December', () => {
    expect(todayInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('does not depend on the machine time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(todayInVietnam(new Date('2026-11-23T18:00:00Z'))).toBe('2026-11-24');
    process.env.TZ = 'Pacific/Kiritimati';
    expect(todayInVietnam(new Date('2026-11-23T12:00:00Z'))).toBe('2026-11-23');
  });

  it('uses the current time by default', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T18:00:00Z'));
    expect(todayInVietnam()).toBe('2026-11-24');
  });
});

describe('day arithmetic', () => {
  const jsDay = (d: string) => new Date(`${d}T00:00:00Z`);
  it('agrees with the JS calendar: days added, days between, weekday, years later', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -40_000, max: 40_000 }), fc.integer({ min: -100, max: 100 }), (d, n, years) => {
        const moved = addDays(d, n);
        expect(moved).toBe(new Date(jsDay(d).getTime() + n * 86_400_000).toISOString().slice(0, 10));
        expect(daysBetween(d, moved)).toBe(n);
        expect(weekday(d)).toBe(jsDay(d).getUTCDay());
        // JS rolls 29 February over to 1 March in a common year too.
        const later = jsDay(d);
        later.setUTCFullYear(later.getUTCFullYear() + years);
        if (later.getUTCFullYear() >= 1000) expect(addYears(d, years)).toBe(later.toISOString().slice(0, 10));
      }),
    );
  });

  it('parses once: isoDate refuses what names no day, parseIsoDate answers null', () => {
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(() => isoDate('2023-02-29')).toThrow(RangeError);
    expect(parseIsoDate('2023-1-01')).toBeNull();
    expect(formatVietnameseDate(isoDate('2026-12-07'))).toBe('07/12/2026');
  });
});
