import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInWords, dayAndDateInWords, dueWording, spokenDate } from '../../electron/contract';

describe('dates in words, for the kiosk and the printouts', () => {
  it('writes the day, month and year out, without leading zeros, as state documents do', () => {
    expect(dateInWords('2026-12-03')).toEqual({ vi: 'ngày 3 tháng 12 năm 2026', en: '3 December 2026' });
    expect(dateInWords('2027-01-10')).toEqual({ vi: 'ngày 10 tháng 1 năm 2027', en: '10 January 2027' });
    expect(spokenDate('2025-03-01')).toEqual({ vi: '1 tháng 3 năm 2025', en: '1 March 2025' });
  });

  it('names the weekday a citizen plans on', () => {
    expect(dayAndDateInWords('2026-12-03')).toEqual({ vi: 'thứ Năm, ngày 3 tháng 12 năm 2026', en: 'Thursday 3 December 2026' });
    expect(dayAndDateInWords('2026-12-06')).toEqual({ vi: 'Chủ nhật, ngày 6 tháng 12 năm 2026', en: 'Sunday 6 December 2026' });
  });

  it('reads back to the same date for any day, and never shows a dd/mm/yyyy form', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        const vi = dateInWords(iso).vi;
        const m = /^ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$/.exec(vi);
        expect(m).not.toBeNull();
        const back = `${m![3]}-${m![2]!.padStart(2, '0')}-${m![1]!.padStart(2, '0')}`;
        expect(back).toBe(iso);
        expect(dayAndDateInWords(iso).vi).not.toMatch(/\d+\/\d+/);
        expect(new Date(`${iso}T00:00:00Z`).toUTCString().slice(0, 3)).toBe(dayAndDateInWords(iso).en.slice(0, 3));
      }),
    );
  });
});

describe("a reminder's date in words", () => {
  it('an obligation is due, then overdue; a benefit or advice is only ever suggested', () => {
    expect(dueWording(true, '2026-12-08', '2026-12-07')).toBe('due');
    expect(dueWording(true, '2026-12-07', '2026-12-07')).toBe('due');
    expect(dueWording(true, '2024-05-01', '2026-12-07')).toBe('overdue');
    expect(dueWording(false, '2027-01-01', '2026-12-07')).toBe('dueAdvice');
    expect(dueWording(false, '2026-04-06', '2026-12-07')).toBe('dueAdvicePast');
  });
});
