import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueOption, type Catalogue, type CatalogueOption } from '../../electron/proactive/recommend/catalogue-schema';
import { dominates } from '../../electron/proactive/recommend/pareto';
import { PREFERENCES, recommend, type Preference } from '../../electron/proactive/recommend';
import { isoDate } from '../../electron/base/calendar-date';

const text = (s: string) => ({ vi: s, en: s });
const VNEID2 = { when: { kind: 'vneidLevelAtLeast' as const, level: 2 as const }, text: text('VNeID 2'), unmet: { vi: 'Cần VNeID mức 2', en: 'Needs VNeID level 2' } };

interface Spec {
  id: string;
  fee: number;
  days: number;
  visits: number;
  tie: number;
  online?: boolean;
}

const option = ({ id, fee, days, visits, tie, online }: Spec): CatalogueOption =>
  catalogueOption.parse({
    id,
    title: { vi: `Cách ${id}`, en: `Option ${id}` },
    procedureCodes: ['X'],
    channel: online ? 'online' : 'counter',
    authority: text('office'),
    fee: { amountVnd: fee, example: true },
    processing: { workingDays: days, example: true },
    visits,
    prerequisites: online ? [VNEID2] : [],
    legalBasis: [{ document: 'doc', article: '1' }],
    tiePriority: tie,
  });

const catalogueOf = (specs: Spec[]): Catalogue => ({ version: 'test', outcomes: [{ id: 'o', title: text('outcome'), options: specs.map(option) }] });

// Monday 1 December 2025: no holiday in the following weeks.
const TODAY = isoDate('2025-12-01');
const run = (specs: Spec[], preference: Preference, profile?: { vneidLevel?: 1 | 2 }) =>
  recommend(catalogueOf(specs), { outcomeId: 'o', preference, today: TODAY, ...(profile ? { profile } : {}) })!;

const A = { id: 'a', fee: 100_000, days: 10, visits: 2, tie: 1 };
const B = { id: 'b', fee: 150_000, days: 5, visits: 2, tie: 2 };
const C = { id: 'c', fee: 200_000, days: 8, visits: 0, tie: 3, online: true };
const D = { id: 'd', fee: 250_000, days: 12, visits: 3, tie: 4 };

describe('Pareto dominance', () => {
  it('needs no worse on all three and better on one', () => {
    expect(dominates({ totalCostVnd: 1, workingDays: 1, visits: 1 }, { totalCostVnd: 1, workingDays: 1, visits: 2 })).toBe(true);
    expect(dominates({ totalCostVnd: 1, workingDays: 1, visits: 1 }, { totalCostVnd: 1, workingDays: 1, visits: 1 })).toBe(false);
    expect(dominates({ totalCostVnd: 1, workingDays: 2, visits: 1 }, { totalCostVnd: 2, workingDays: 1, visits: 1 })).toBe(false);
  });

  it('marks D (worse than A on everything) dominated, keeps it listed and unranked', () => {
    const r = run([A, B, C, D], 'balanced', { vneidLevel: 2 });
    expect(r.options.map((o) => [o.id, o.dominated])).toEqual([['a', false], ['b', false], ['c', false], ['d', true]]);
    expect(r.options.find((o) => o.id === 'd')?.rank).toBeNull();
  });
});

describe('preferences (A 100k/10d/2 visits, B 150k/5d/2, C 200k/8d/0 online, D dominated)', () => {
  it.each([
    ['cheapest', 'a', ['a', 'b', 'c']],
    ['fastest', 'b', ['b', 'c', 'a']],
    ['fewest-visits', 'c', ['c', 'b', 'a']],
    // Normalised: A 0+1+1 = 2, B 0.5+0+1 = 1.5, C 1+0.6+0 = 1.6.
    ['balanced', 'b', ['b', 'c', 'a']],
  ] as const)('%s → %s', (preference, recommended, order) => {
    const r = run([A, B, C, D], preference, { vneidLevel: 2 });
    expect(r.recommended).toBe(recommended);
    expect(order.map((id) => r.options.find((o) => o.id === id)?.rank)).toEqual([1, 2, 3]);
  });
});

describe('eligibility', () => {
  it('a level-1 VNeID account makes the online option ineligible, with the reason, still listed', () => {
    const r = run([A, B, C], 'fewest-visits', { vneidLevel: 1 });
    const online = r.options.find((o) => o.id === 'c')!;
    expect(online).toMatchObject({ eligible: false, ineligibleReason: { vi: 'Cần VNeID mức 2', en: 'Needs VNeID level 2' }, dominated: false, rank: null });
    // A and B need 2 visits each: fewer visits tie, then sooner.
    expect(r.recommended).toBe('b');
  });

  it('without a profile nothing is known, so nothing is excluded', () => {
    expect(run([A, B, C], 'fewest-visits').recommended).toBe('c');
  });

  it('an option dominated only by an ineligible one is not dominated', () => {
    const cheapOnline = { ...C, fee: 50_000, days: 5 };
    expect(run([A, cheapOnline], 'cheapest', { vneidLevel: 1 }).options.map((o) => o.dominated)).toEqual([false, false]);
    expect(run([A, cheapOnline], 'cheapest', { vneidLevel: 2 }).options.map((o) => o.dominated)).toEqual([true, false]);
  });

  it('when no option is open, nothing is recommended and the explanation says why', () => {
    const r = run([C, { ...C, id: 'e', tie: 9 }], 'balanced', { vneidLevel: 1 });
    expect(r.recommended).toBeNull();
    expect(r.explanation.en).toBe('None of the options is open to you; the reason is given beside each.');
  });
});

describe('ties', () => {
  it('a full tie goes to the lower tie priority, whatever the order', () => {
    const twin = { ...A, id: 'twin', tie: 0 };
    expect(run([A, twin], 'cheapest').recommended).toBe('twin');
    expect(run([twin, A], 'cheapest').recommended).toBe('twin');
    expect(run([A, twin], 'cheapest').explanation.en).toBe(
      'Recommended: Option twin, ready by Monday 15 December 2025. Option a is equal on cost, time and visits.',
    );
  });

  it('an equal balanced score goes to fewer visits', () => {
    // counter 200k/10d/2 visits vs online 230k/10d/0 visits: both score 1.
    const counter = { id: 'counter', fee: 200_000, days: 10, visits: 2, tie: 1 };
    const online = { id: 'online', fee: 230_000, days: 10, visits: 0, tie: 2, online: true };
    const r = run([counter, online], 'balanced');
    expect(r.recommended).toBe('online');
    expect(r.explanation).toEqual({
      vi: 'Khuyến nghị: Cách online (không phải đến cơ quan), có kết quả vào thứ Hai, 15/12/2025. Cách counter rẻ hơn 30.000 đồng nhưng phải đi lại 2 lần.',
      en: 'Recommended: Option online (no visit needed), ready by Monday 15 December 2025. Option counter costs 30,000 VND less but needs 2 visits.',
    });
  });
});

describe('readyBy', () => {
  it('counts from today online, from the next open day for a counter', () => {
    const sunday = isoDate('2025-12-07');
    const r = recommend(catalogueOf([A, C]), { outcomeId: 'o', preference: 'balanced', today: sunday })!;
    // Online filed Sunday: 8 working days from Monday 8 → Wednesday 17. Counter filed Monday 8: 10 days → Monday 22.
    expect(r.options.map((o) => [o.id, o.filedOn, o.readyBy])).toEqual([
      ['a', '2025-12-08', '2025-12-22'],
      ['c', sunday, '2025-12-17'],
    ]);
  });
});

describe('properties', () => {
  const spec = (i: number) =>
    fc.record({
      fee: fc.integer({ min: 0, max: 5 }).map((n) => n * 10_000),
      days: fc.integer({ min: 0, max: 15 }),
      visits: fc.integer({ min: 0, max: 3 }),
      online: fc.boolean(),
    }).map((s) => ({ ...s, id: `o${i}`, tie: i }));
  const specs = fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => spec(i))));
  const profile = fc.option(fc.record({ vneidLevel: fc.constantFrom<1 | 2>(1, 2) }), { nil: undefined });
  const preference = fc.constantFrom(...PREFERENCES);

  it('never recommends a dominated or ineligible option, and hides none', () => {
    fc.assert(
      fc.property(specs, preference, profile, (s, p, prof) => {
        const r = run(s, p, prof);
        expect(r.options).toHaveLength(s.length);
        const chosen = r.options.find((o) => o.id === r.recommended);
        if (r.options.some((o) => o.eligible)) {
          expect(chosen).toMatchObject({ eligible: true, dominated: false, rank: 1 });
          for (const other of r.options.filter((o) => o.eligible)) expect(dominates(other, chosen!)).toBe(false);
        } else {
          expect(r.recommended).toBeNull();
        }
      }),
    );
  });

  it('does not depend on the order of the options, and gives the same answer twice', () => {
    fc.assert(
      fc.property(specs.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }))), preference, profile, ([s, shuffled], p, prof) => {
        const a = run(s, p, prof);
        const b = run(shuffled, p, prof);
        expect(b.recommended).toBe(a.recommended);
        expect(b.explanation).toEqual(a.explanation);
        const byId = (r: typeof a) => Object.fromEntries(r.options.map((o) => [o.id, [o.dominated, o.rank, o.readyBy]]));
        expect(byId(b)).toEqual(byId(a));
        expect(run(s, p, prof)).toEqual(a);
      }),
    );
  });
});
