import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenProfile, ruleReminder, type CitizenProfile } from '../../electron/contract';
import { addDays, addYears, ageOn, daysBetween, isoDate, isValidIsoDate, youngerThan } from '../../electron/base/calendar-date';
import { assessRenewal } from '../../electron/proactive/id-card-renewal';
import { shift } from '../../electron/proactive/rules/date-math';
import { compileRules } from '../../electron/proactive/rules/engine';
import { loadRulePacks } from '../../electron/proactive/rules/load-packs';
import { parseProfile } from '../../electron/proactive/rules/profile-input';
import { compareUrgency } from '../../electron/proactive/rules/urgency';

const engine = compileRules(loadRulePacks(process.cwd()).packs);

// Mostly plausible days, sometimes any day of years 1–9999 (where moving a date can leave the calendar).
const anyDay = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true });
const plausibleDay = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const isoDay = (d: Date) => isoDate(d.toISOString().slice(0, 10));
const day = fc.oneof({ arbitrary: plausibleDay, weight: 9 }, { arbitrary: anyDay, weight: 1 }).map(isoDay);
const plausible = plausibleDay.map(isoDay);
const stamp = fc.oneof(day, fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 40 }));
const expiring = fc.record({ expiryDate: day });
const STATUSES = ['received', 'processing', 'supplement-required', 'completed', 'rejected', 'returned'] as const;

const profile: fc.Arbitrary<CitizenProfile> = fc.record(
  {
    personalNumber: fc.stringMatching(/^\d{12}$/),
    birthDate: day,
    sex: fc.constantFrom('male' as const, 'female' as const),
    idCard: fc.record({ issueDate: day }, { requiredKeys: [] }),
    children: fc.array(fc.record({ birthDate: day, birthRegistered: fc.boolean() }, { requiredKeys: ['birthDate'] }), { maxLength: 4 }),
    passport: expiring,
    healthInsurance: expiring,
    drivingLicence: expiring,
    temporaryResidence: expiring,
    vneidLevel: fc.constantFrom(1 as const, 2 as const),
    cases: fc.array(
      fc.record(
        { receiptCode: fc.string({ maxLength: 64 }), procedureCode: fc.string({ maxLength: 64 }), status: fc.constantFrom(...STATUSES), dueAt: stamp, updatedAt: stamp },
        { requiredKeys: ['receiptCode', 'procedureCode', 'status'] },
      ),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: [] },
);

describe('the engine on any profile the schema accepts', () => {
  it('never throws, and gives valid reminders, most urgent first, each with a legal basis', () => {
    fc.assert(
      fc.property(profile, day, (p, today) => {
        expect(citizenProfile.safeParse(p).success).toBe(true);
        const rs = engine.evaluate(p, today);
        const order = compareUrgency(today);
        rs.forEach((r, i) => {
          expect(ruleReminder.safeParse(r).success).toBe(true);
          expect(isValidIsoDate(r.dueDate)).toBe(true);
          expect(r.legalBasis.length).toBeGreaterThan(0);
          if (i > 0) expect(order(rs[i - 1]!, r)).toBeLessThanOrEqual(0);
        });
        expect(engine.evaluate(p, today)).toEqual(rs);
      }),
      { numRuns: 500 },
    );
  });

  it('the profile file reader accepts the same profiles once their timestamps are dates', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const clean = { ...p, cases: p.cases?.map((c) => ({ ...c, dueAt: '2026-12-01', updatedAt: '2026-11-01T03:00:00Z' })) };
        expect(parseProfile(JSON.stringify(clean))).toEqual({ ok: true, value: clean });
      }),
    );
  });
});

describe('date arithmetic', () => {
  it('days forwards and back agree with the day count', () => {
    fc.assert(
      fc.property(plausible, fc.integer({ min: -40000, max: 40000 }), (d, n) => {
        const moved = addDays(d, n);
        expect(isValidIsoDate(moved)).toBe(true);
        expect(daysBetween(d, moved)).toBe(n);
      }),
    );
  });

  it('moving by months gives a real date, clamped to the end of a shorter month', () => {
    fc.assert(
      fc.property(plausible, fc.integer({ min: 0, max: 240 }), (d, months) => {
        expect(isValidIsoDate(shift(d, { months }, 1))).toBe(true);
        expect(isValidIsoDate(shift(d, { months }, -1))).toBe(true);
      }),
    );
    expect(shift(isoDate('2027-08-31'), { months: 6 }, -1)).toBe('2027-02-28');
    expect(shift(isoDate('2028-08-31'), { months: 6 }, -1)).toBe('2028-02-29');
    expect(shift(isoDate('2026-01-10'), { days: 60 }, 1)).toBe('2026-03-11');
    expect(shift(isoDate('2024-02-29'), { years: 1 }, 1)).toBe('2025-03-01');
  });
});

describe('the engine reuses the tested calendar and ID card logic exactly', () => {
  // Birth dates on 29 February, and days around the renewal ages, come up often.
  const leapBirth = fc.integer({ min: 1904, max: 2096 }).map((y) => isoDate(`${Math.floor(y / 4) * 4}-02-29`));
  const birth = fc.oneof(plausible, leapBirth);

  it('youngerThan is ageOn <', () => {
    fc.assert(
      fc.property(birth, fc.integer({ min: 0, max: 120 }), plausible, (d, years, today) => {
        expect(youngerThan(d, years, today)).toBe(ageOn(d, today) < years);
      }),
      { numRuns: 5000 },
    );
  });

  it('the id-card-renewal rule shows exactly when assessRenewal says expired or renew-now (a renewal, not a first card), with its due date', () => {
    const nearAge = fc.tuple(birth, fc.constantFrom(12, 13, 14, 23, 24, 25, 38, 39, 40, 58, 59, 60), fc.integer({ min: -400, max: 400 }));
    const around = nearAge.map(([b, age, days]) => [b, addDays(addYears(b, age), days)] as const);
    fc.assert(
      fc.property(fc.oneof(around, fc.tuple(birth, plausible)), fc.option(plausible, { nil: undefined }), ([birthDate, today], issueDate) => {
        const a = assessRenewal(birthDate, today, issueDate);
        // Without a card on record, 14 is a first card ("cấp"), which the id-card-first rule reminds of.
        const firstCard = issueDate === undefined && (a.status === 'expired' || a.status === 'renew-now') && a.due.age === 14;
        const shown = (a.status === 'expired' || a.status === 'renew-now') && !firstCard ? a.due.date : undefined;
        const p: CitizenProfile = { birthDate, ...(issueDate ? { idCard: { issueDate } } : {}) };
        expect(engine.due(p, today).find((h) => h.ruleId === 'id-card-renewal')?.dueDate).toBe(shown);
      }),
      { numRuns: 20000 },
    );
    // 20,000 runs of the whole engine: seconds on a loaded two-core machine.
  }, 30_000);
});
