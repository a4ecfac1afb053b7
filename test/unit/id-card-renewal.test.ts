import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, ageOn, isoDate, type IsoDate } from '../../electron/base/calendar-date';
import {
  assessRenewal,
  cardExpiry,
  EARLY_RENEWAL_YEARS,
  milestones,
  RENEWAL_AGES,
  type Milestone,
} from '../../electron/proactive/id-card-renewal';

/** Born 15 June 2000: turns 14 on 2014-06-15, 25 on 2025-06-15, 40 on 2040-06-15, 60 on 2060-06-15. */
const BIRTH = isoDate('2000-06-15');
const M14: Milestone = { age: 14, date: isoDate('2014-06-15') };
const M25: Milestone = { age: 25, date: isoDate('2025-06-15') };
const M40: Milestone = { age: 40, date: isoDate('2040-06-15') };
const M60: Milestone = { age: 60, date: isoDate('2060-06-15') };

interface Boundary {
  milestone: Milestone;
  prev: Milestone | null;
  next: Milestone | null;
  dayBefore: IsoDate;
  dayAfter: IsoDate;
  /** Well before the 2-year window of this milestone, after the previous one. */
  issuedLongBefore: IsoDate;
}

const BOUNDARIES: Boundary[] = [
  { milestone: M14, prev: null, next: M25, dayBefore: isoDate('2014-06-14'), dayAfter: isoDate('2014-06-16'), issuedLongBefore: isoDate('2005-01-01') },
  { milestone: M25, prev: M14, next: M40, dayBefore: isoDate('2025-06-14'), dayAfter: isoDate('2025-06-16'), issuedLongBefore: isoDate('2015-01-01') },
  { milestone: M40, prev: M25, next: M60, dayBefore: isoDate('2040-06-14'), dayAfter: isoDate('2040-06-16'), issuedLongBefore: isoDate('2026-01-01') },
  { milestone: M60, prev: M40, next: null, dayBefore: isoDate('2060-06-14'), dayAfter: isoDate('2060-06-16'), issuedLongBefore: isoDate('2045-01-01') },
];

describe('renewal ages', () => {
  it('are 14, 25, 40 and 60 with a 2-year early window (Luật Căn cước 2023, Điều 21)', () => {
    expect(RENEWAL_AGES).toEqual([14, 25, 40, 60]);
    expect(EARLY_RENEWAL_YEARS).toBe(2);
    expect(milestones(BIRTH)).toEqual([M14, M25, M40, M60]);
  });

  it('put the birthday of someone born on 29 February on 1 March in common years', () => {
    expect(milestones(isoDate('2004-02-29'))).toEqual([
      { age: 14, date: '2018-03-01' },
      { age: 25, date: '2029-03-01' },
      { age: 40, date: '2044-02-29' },
      { age: 60, date: '2064-02-29' },
    ]);
  });
});

describe.each(BOUNDARIES)('at the $milestone.age th birthday ($milestone.date)', (b) => {
  describe('with a card issued long before the window', () => {
    it('the day before: renew now, due that birthday', () => {
      expect(assessRenewal(BIRTH, b.dayBefore, b.issuedLongBefore)).toEqual({
        status: 'renew-now',
        due: b.milestone,
        validUntil: b.next,
        caveat: null,
      });
    });

    it('on the birthday: expired on that birthday', () => {
      expect(assessRenewal(BIRTH, b.milestone.date, b.issuedLongBefore)).toEqual({ status: 'expired', due: b.milestone });
    });

    it('the day after: still expired on that birthday', () => {
      expect(assessRenewal(BIRTH, b.dayAfter, b.issuedLongBefore)).toEqual({ status: 'expired', due: b.milestone });
    });

    it('years later: still expired on that birthday', () => {
      expect(assessRenewal(BIRTH, addYears(b.milestone.date, 30), b.issuedLongBefore)).toEqual({ status: 'expired', due: b.milestone });
    });
  });

  describe('without the issue date', () => {
    it('the day before: renew now, due that birthday, and the previous age as a caveat', () => {
      expect(assessRenewal(BIRTH, b.dayBefore)).toEqual({
        status: 'renew-now',
        due: b.milestone,
        validUntil: b.next,
        caveat: b.prev,
      });
    });

    it('on the birthday: the next age is due, with this age as the caveat', () => {
      const expected =
        b.next === null
          ? { status: 'valid-for-life', caveat: b.milestone }
          : { status: 'upcoming', due: b.next, windowStart: `${Number(b.next.date.slice(0, 4)) - 2}-06-15`, caveat: b.milestone };
      expect(assessRenewal(BIRTH, b.milestone.date)).toEqual(expected);
    });

    it('the day after: the same as on the birthday', () => {
      expect(assessRenewal(BIRTH, b.dayAfter)).toEqual(assessRenewal(BIRTH, b.milestone.date));
    });
  });

  describe('the 2-year window', () => {
    // Every milestone of BIRTH falls on 15 June: the window opens on 15 June two years earlier.
    const windowYear = Number(b.milestone.date.slice(0, 4)) - 2;
    const windowStart = isoDate(`${windowYear}-06-15`);
    const dayBeforeWindow = isoDate(`${windowYear}-06-14`);

    it(`a card issued exactly 2 years before (${windowStart}) is valid until the next age`, () => {
      expect(cardExpiry(BIRTH, windowStart)).toEqual(b.next);
    });

    it('a card issued one day earlier expires at this age', () => {
      expect(cardExpiry(BIRTH, dayBeforeWindow)).toEqual(b.milestone);
    });

    it('a card issued on the birthday itself is valid until the next age', () => {
      expect(cardExpiry(BIRTH, b.milestone.date)).toEqual(b.next);
    });

    it('without an issue date, renewal is proposed from the first day of the window, not before', () => {
      const before = assessRenewal(BIRTH, dayBeforeWindow);
      const from = assessRenewal(BIRTH, windowStart);
      expect(before).toMatchObject({ status: 'upcoming', due: b.milestone, windowStart });
      expect(from).toMatchObject({ status: 'renew-now', due: b.milestone, validUntil: b.next });
    });

    it('with an old card, the card is valid until the window and renewable from its first day', () => {
      expect(assessRenewal(BIRTH, dayBeforeWindow, b.issuedLongBefore)).toEqual({ status: 'valid', due: b.milestone, windowStart });
      expect(assessRenewal(BIRTH, windowStart, b.issuedLongBefore)).toMatchObject({ status: 'renew-now', due: b.milestone });
    });
  });
});

describe('cardExpiry', () => {
  it('a card issued to a child under 12 expires at 14', () => {
    expect(cardExpiry(BIRTH, isoDate('2000-07-01'))).toEqual(M14);
    expect(cardExpiry(BIRTH, isoDate('2012-06-14'))).toEqual(M14);
  });

  it('a card issued between two windows expires at the next age', () => {
    expect(cardExpiry(BIRTH, isoDate('2014-06-15'))).toEqual(M25);
    expect(cardExpiry(BIRTH, isoDate('2023-06-14'))).toEqual(M25);
    expect(cardExpiry(BIRTH, isoDate('2030-01-01'))).toEqual(M40);
    expect(cardExpiry(BIRTH, isoDate('2050-01-01'))).toEqual(M60);
  });

  it('a card issued from 58 years old on is valid for life', () => {
    expect(cardExpiry(BIRTH, isoDate('2058-06-15'))).toBeNull();
    expect(cardExpiry(BIRTH, isoDate('2060-06-15'))).toBeNull();
    expect(cardExpiry(BIRTH, isoDate('2080-01-01'))).toBeNull();
    expect(cardExpiry(BIRTH, isoDate('2058-06-14'))).toEqual(M60);
  });
});

describe('assessRenewal with an issue date', () => {
  it('a card issued at/after 58 is valid for life, whenever asked', () => {
    expect(assessRenewal(BIRTH, isoDate('2058-06-15'), isoDate('2058-06-15'))).toEqual({ status: 'valid-for-life', caveat: null });
    expect(assessRenewal(BIRTH, isoDate('2099-01-01'), isoDate('2058-06-15'))).toEqual({ status: 'valid-for-life', caveat: null });
    expect(assessRenewal(BIRTH, isoDate('2070-01-01'), isoDate('2065-03-03'))).toEqual({ status: 'valid-for-life', caveat: null });
  });

  it('a card renewed inside the window of 25 is valid until 40 after the 25th birthday', () => {
    expect(assessRenewal(BIRTH, isoDate('2026-11-23'), isoDate('2024-01-01'))).toEqual({ status: 'valid', due: M40, windowStart: '2038-06-15' });
  });

  it('a card renewed inside the window of 60 is valid for life, even before 60', () => {
    expect(assessRenewal(BIRTH, isoDate('2059-01-01'), isoDate('2059-01-01'))).toEqual({ status: 'valid-for-life', caveat: null });
  });

  it('renewing inside the window of 40 gives a card valid until 60', () => {
    expect(assessRenewal(BIRTH, isoDate('2039-01-01'), isoDate('2027-01-01'))).toEqual({
      status: 'renew-now',
      due: M40,
      validUntil: M60,
      caveat: null,
    });
  });
});

describe('assessRenewal without an issue date', () => {
  it('a child far from 14 is told when the card becomes due', () => {
    expect(assessRenewal(BIRTH, isoDate('2005-01-01'))).toEqual({ status: 'upcoming', due: M14, windowStart: '2012-06-15', caveat: null });
  });

  it('between 25 and 38, 40 is next and 25 is the caveat', () => {
    expect(assessRenewal(BIRTH, isoDate('2026-11-23'))).toEqual({ status: 'upcoming', due: M40, windowStart: '2038-06-15', caveat: M25 });
  });

  it('long after 60 the card is valid for life, with 60 as the caveat', () => {
    expect(assessRenewal(BIRTH, isoDate('2090-01-01'))).toEqual({ status: 'valid-for-life', caveat: M60 });
  });
});

describe('someone born on 29 February', () => {
  const birth = isoDate('2004-02-29');

  it('turns 14 on 1 March 2018: 28 February is still the day before', () => {
    expect(assessRenewal(birth, isoDate('2018-02-28'))).toMatchObject({ status: 'renew-now', due: { age: 14, date: isoDate('2018-03-01') } });
    expect(assessRenewal(birth, isoDate('2018-03-01'))).toMatchObject({ status: 'upcoming', due: { age: 25 }, caveat: { age: 14 } });
    expect(assessRenewal(birth, isoDate('2018-03-01'), isoDate('2010-01-01'))).toEqual({ status: 'expired', due: { age: 14, date: '2018-03-01' } });
  });

  it('can renew early from the 12th birthday, 29 February 2016: a card issued that day lasts until 25', () => {
    expect(cardExpiry(birth, isoDate('2016-02-29'))).toEqual({ age: 25, date: isoDate('2029-03-01') });
    expect(cardExpiry(birth, isoDate('2016-02-28'))).toEqual({ age: 14, date: isoDate('2018-03-01') });
    expect(assessRenewal(birth, isoDate('2016-02-29'), isoDate('2010-01-01'))).toMatchObject({ status: 'renew-now', due: { age: 14 } });
  });

  it('turns 40 on 29 February 2044, a leap year', () => {
    expect(assessRenewal(birth, isoDate('2044-02-28'), isoDate('2030-01-01'))).toMatchObject({ status: 'renew-now', due: { age: 40, date: '2044-02-29' } });
    expect(assessRenewal(birth, isoDate('2044-02-29'), isoDate('2030-01-01'))).toEqual({ status: 'expired', due: { age: 40, date: '2044-02-29' } });
  });
});

describe('properties', () => {
  const DAY = 86_400_000;
  const isoDay = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => isoDate(d.toISOString().slice(0, 10)));
  const plusDays = (d: string, n: number) => isoDate(new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10));
  /** A birth date and a later issue date (up to ~100 years on). */
  const birthAndIssue = fc
    .tuple(isoDay, fc.integer({ min: 0, max: 36_600 }))
    .map(([birth, n]) => ({ birth, issue: plusDays(birth, n) }));

  it('cardExpiry is always a milestone strictly after the issue date, or null', () => {
    fc.assert(
      fc.property(birthAndIssue, ({ birth, issue }) => {
        const expiry = cardExpiry(birth, issue);
        if (expiry === null) return;
        expect(milestones(birth)).toContainEqual(expiry);
        expect(expiry.date > issue).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('cardExpiry is the first renewal age at least 2 years after the age at issue (null from 58 on)', () => {
    fc.assert(
      fc.property(birthAndIssue, ({ birth, issue }) => {
        const ageAtIssue = ageOn(birth, issue);
        const age = RENEWAL_AGES.find((a) => ageAtIssue < a - 2);
        const expected = age === undefined ? null : { age, date: addYears(birth, age) };
        expect(cardExpiry(birth, issue)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a later issue date never gives an earlier expiry', () => {
    fc.assert(
      fc.property(birthAndIssue, fc.integer({ min: 0, max: 5000 }), ({ birth, issue }, later) => {
        const a = cardExpiry(birth, issue);
        const b = cardExpiry(birth, plusDays(issue, later));
        if (a === null) expect(b).toBeNull();
        else if (b !== null) expect(b.date >= a.date).toBe(true);
      }),
    );
  });

  it('assessRenewal never throws for valid dates and its answer is consistent with today', () => {
    fc.assert(
      fc.property(birthAndIssue, fc.integer({ min: 0, max: 40_000 }), fc.boolean(), ({ birth, issue }, n, withIssue) => {
        const today = plusDays(birth, n);
        const a = withIssue ? assessRenewal(birth, today, issue) : assessRenewal(birth, today);
        switch (a.status) {
          case 'expired':
            expect(withIssue).toBe(true);
            expect(a.due.date <= today).toBe(true);
            break;
          case 'renew-now':
            expect(a.due.date > today).toBe(true);
            expect(addYears(birth, a.due.age - 2) <= today).toBe(true);
            if (a.validUntil) expect(a.validUntil.date > a.due.date).toBe(true);
            else expect(a.due.age).toBe(60);
            break;
          case 'upcoming':
            expect(withIssue).toBe(false);
            expect(a.windowStart > today).toBe(true);
            expect(a.windowStart).toBe(addYears(birth, a.due.age - 2));
            break;
          case 'valid':
            expect(withIssue).toBe(true);
            expect(a.windowStart > today).toBe(true);
            break;
          case 'valid-for-life':
            if (!withIssue) expect(ageOn(birth, today)).toBeGreaterThanOrEqual(60);
            break;
        }
        if (!withIssue && 'caveat' in a && a.caveat !== null) expect(a.caveat.date <= today).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
