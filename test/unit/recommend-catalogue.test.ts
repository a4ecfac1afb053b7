import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHolidayData } from '../../electron/base/calendar';
import { loadCatalogue, recommend, type Preference } from '../../electron/proactive/recommend';
import type { CitizenProfile } from '../../electron/contract/profile';
import { isoDate } from '../../electron/base/calendar-date';

const root = process.cwd();
const catalogue = loadCatalogue(root);
const calendar = { holidays: loadHolidayData(root) };
const TODAY = isoDate('2025-11-27');
const compare = (outcomeId: string, preference: Preference, profile?: CitizenProfile, today = TODAY) =>
  recommend(catalogue, { outcomeId, preference, today, calendar, ...(profile ? { profile } : {}) })!;
const option = (outcomeId: string, id: string, profile?: CitizenProfile, today = TODAY) => compare(outcomeId, 'balanced', profile, today).options.find((o) => o.id === id)!;

describe('the shipped catalogue', () => {
  it('has a version and the outcomes of the issue, each with at least two options', () => {
    expect(catalogue.version).toMatch(/\S/);
    expect(catalogue.outcomes.map((o) => o.id)).toEqual(['passport', 'id-card', 'newborn', 'death', 'criminal-record']);
    for (const o of catalogue.outcomes) expect(o.options.length).toBeGreaterThanOrEqual(2);
  });

  it('covers the channels asked for', () => {
    const channels = (id: string) => catalogue.outcomes.find((o) => o.id === id)!.options.map((o) => o.channel);
    expect(channels('passport')).toEqual(['counter', 'counter', 'online']);
    expect(channels('id-card')).toEqual(expect.arrayContaining(['counter', 'online', 'mobile']));
    expect(channels('newborn').filter((c) => c === 'bundle')).toHaveLength(3);
    expect(channels('criminal-record')).toEqual(expect.arrayContaining(['counter', 'online']));
  });

  it('a malformed outcome file is refused, naming the file', () => {
    const copy = mkdtempSync(join(tmpdir(), 'motcua-catalogue-'));
    cpSync(join(root, 'resources', 'catalogue'), join(copy, 'resources', 'catalogue'), { recursive: true });
    const file = join(copy, 'resources', 'catalogue', 'passport.json');
    const passport = JSON.parse(readFileSync(file, 'utf8')) as { options: { tiePriority: number }[] };
    passport.options[1]!.tiePriority = passport.options[0]!.tiePriority;
    writeFileSync(file, JSON.stringify(passport));
    expect(() => loadCatalogue(copy)).toThrow(/passport\.json.*tie priorities must be distinct/s);
  });

  it('an unknown outcome gives undefined', () => {
    expect(recommend(catalogue, { outcomeId: 'nope', preference: 'balanced', today: TODAY })).toBeUndefined();
  });
});

describe('fee exemptions', () => {
  it('a first ID card at 14 is free; a renewal costs the fee; without a profile the full fee shows', () => {
    const fourteen = option('id-card', 'id-card-commune', { birthDate: '2011-06-01' });
    expect(fourteen).toMatchObject({ feeVnd: 0, totalCostVnd: 0, exemption: { en: 'First card (from age 14): no fee' } });
    // 2026 fees (Thông tư 73/2024 at 50% under Thông tư 64/2025): a renewal is 25,000 VND.
    expect(option('id-card', 'id-card-commune', { birthDate: '2000-06-01', idCard: { issueDate: '2021-01-01' } })).toMatchObject({ feeVnd: 25_000, exemption: null });
    expect(option('id-card', 'id-card-commune')).toMatchObject({ feeVnd: 25_000, exemption: null });
    expect(option('id-card', 'id-card-commune', { birthDate: '1960-06-01', idCard: { issueDate: '2016-01-01' } })).toMatchObject({ feeVnd: 0, exemption: { en: 'Older people (60 and over): no fee' } });
  });

  it('the ID card fee has one source: the procedure list says what the catalogue says', () => {
    const listed = (JSON.parse(readFileSync('resources/demo/procedures.json', 'utf8')) as { code: string; feeVnd: number | null }[]).find((p) => p.code === 'CC.CAP-DOI');
    expect(listed?.feeVnd).toBe(option('id-card', 'id-card-commune').feeVnd);
  });

  it("the home-visit team is never the default when the citizen's age is not known", () => {
    for (const preference of ['cheapest', 'fastest', 'fewest-visits', 'balanced'] as const) {
      expect(compare('id-card', preference, undefined).recommended).not.toBe('id-card-mobile');
      expect(compare('id-card', preference, { vneidLevel: 2 }).recommended).not.toBe('id-card-mobile');
    }
  });

  it('a first passport goes to the central department only in the cases the law lists; it is never the default then', () => {
    for (const preference of ['cheapest', 'fastest', 'fewest-visits', 'balanced'] as const) {
      expect(compare('passport', preference, { birthDate: '1990-01-01' }).recommended).not.toBe('passport-central');
    }
    expect(option('passport', 'passport-central', { passport: { expiryDate: '2026-01-01' } })).toMatchObject({ eligible: true, eligibilityUnknown: false });
    const lost = option('passport', 'passport-provincial').option.obligations.map((o) => o.vi).join(' ');
    expect(lost).toContain('400.000 đồng');
  });

  it('the funeral allowance is said to be only for those the Social Insurance Law 2024 covers', () => {
    for (const o of compare('death', 'balanced').options) expect(o.option.obligations.map((x) => x.vi).join(' ')).toContain('Luật Bảo hiểm xã hội 2024');
  });

  it('newborn options cost nothing but postage: on-time birth registration is free (Civil Status Law art. 11)', () => {
    for (const id of ['newborn-bundle-online', 'newborn-bundle-counter', 'newborn-two-of-three', 'newborn-separately']) {
      expect(option('newborn', id, { birthDate: '1995-01-01' })).toMatchObject({ feeVnd: 0, totalCostVnd: 0 });
    }
  });

  it('criminal record certificates: the provincial police, fee circular 16/2025/TT-BTC, 10 calendar days', () => {
    const counter = option('criminal-record', 'criminal-record-counter', {});
    expect(counter.option.authority.vi).toBe('Công an tỉnh, thành phố');
    expect(counter.option.legalBasis.map((b) => b.document).join(' ')).toContain('16/2025/TT-BTC');
    expect(counter.option.legalBasis.map((b) => b.document).join(' ')).not.toContain('244/2016');
    // Filed Monday 1 December 2025: ten calendar days later is Thursday 11 December; not 15 December as ten working days.
    expect(option('criminal-record', 'criminal-record-online', {}, isoDate('2025-12-01')).readyBy).toBe('2025-12-11');
  });

  it('the exemption applies to the fee, not to the postage', () => {
    expect(option('criminal-record', 'criminal-record-online', { birthDate: '2012-01-01' })).toMatchObject({ feeVnd: 0, extrasVnd: 30_000, totalCostVnd: 30_000 });
  });

  it('a first card cannot be requested online (renewal only)', () => {
    expect(option('id-card', 'id-card-online', { birthDate: '2011-06-01', vneidLevel: 2 })).toMatchObject({ eligible: false, ineligibleReason: { en: expect.stringContaining('first card') } });
  });
});

describe('recommendations on the shipped catalogue', () => {
  it('criminal record, balanced, VNeID level 2: online by post, with the trade-off against the counter', () => {
    const r = compare('criminal-record', 'balanced', { vneidLevel: 2 });
    expect(r.recommended).toBe('criminal-record-online');
    expect(r.options.find((o) => o.id === 'criminal-record-counter-postal')?.dominated).toBe(true);
    expect(r.explanation.en).toBe(
      'Recommended: Online filing on VNeID, certificate by post (no visit needed), ready by Monday 8 December 2025. ' +
        'Filing and collecting at the provincial police costs 30,000 VND less but needs 2 visits.',
    );
    expect(r.explanation.vi).toContain('có kết quả vào thứ Hai, 8/12/2025');
  });

  it('criminal record, cheapest: the counter', () => {
    expect(compare('criminal-record', 'cheapest', { vneidLevel: 2 }).recommended).toBe('criminal-record-counter');
  });

  it('newborn without a level-2 VNeID account: the paper bundle at the commune beats doing each separately', () => {
    const r = compare('newborn', 'balanced', { vneidLevel: 1 });
    expect(r.recommended).toBe('newborn-bundle-counter');
    expect(r.options.filter((o) => !o.eligible).map((o) => o.id)).toEqual(['newborn-bundle-online', 'newborn-two-of-three']);
    expect(r.options.find((o) => o.id === 'newborn-separately')?.dominated).toBe(true);
    expect(r.explanation.en).toBe(
      'Recommended: Linked bundle of three, on paper at the commune, ready by Monday 8 December 2025; no other option open to you is cheaper, faster or needs fewer visits.',
    );
  });

  it('the mobile unit at home is for citizens of 60 or more', () => {
    expect(compare('id-card', 'fewest-visits', { birthDate: '1950-01-01', idCard: { issueDate: '2016-01-01' } }).recommended).toBe('id-card-mobile');
    expect(option('id-card', 'id-card-mobile', { birthDate: '1990-01-01' }).eligible).toBe(false);
  });
});
