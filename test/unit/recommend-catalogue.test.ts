import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHolidayData } from '../../electron/base/calendar';
import { loadCatalogue, recommend, type Preference } from '../../electron/proactive/recommend';
import type { CitizenProfile } from '../../electron/contract/profile';

const root = process.cwd();
const catalogue = loadCatalogue(root);
const calendar = { holidays: loadHolidayData(root) };
const TODAY = '2025-11-27';
const compare = (outcomeId: string, preference: Preference, profile?: CitizenProfile) =>
  recommend(catalogue, { outcomeId, preference, today: TODAY, calendar, ...(profile ? { profile } : {}) })!;
const option = (outcomeId: string, id: string, profile?: CitizenProfile) => compare(outcomeId, 'balanced', profile).options.find((o) => o.id === id)!;

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
    expect(option('id-card', 'id-card-commune', { birthDate: '2000-06-01', idCard: { issueDate: '2021-01-01' } })).toMatchObject({ feeVnd: 50_000, exemption: null });
    expect(option('id-card', 'id-card-commune')).toMatchObject({ feeVnd: 50_000, exemption: null });
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
      'Recommended: Online filing on VNeID, certificate by post (no visit needed), ready by Thursday 11 December 2025. ' +
        'Filing and collecting at the provincial Justice Department costs 30,000 VND less but needs 2 visits.',
    );
    expect(r.explanation.vi).toContain('có kết quả vào thứ Năm, 11/12/2025');
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
