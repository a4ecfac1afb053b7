import { describe, expect, it } from 'vitest';
import { compareVersions, rulePack } from '../../electron/proactive/rules/pack-schema';
import { loadRulePacks, readBundledPacks, selectPacks, type PackSource } from '../../electron/proactive/rules/load-packs';
import { compileRules } from '../../electron/proactive/rules/engine';
import { isoDate } from '../../electron/base/calendar-date';

const bundled = readBundledPacks(process.cwd());
const bundledPack = (id: string) => JSON.parse(bundled.find((s) => s.name === `${id}.json`)!.text) as { id: string; version: string; rules: Record<string, unknown>[] };
const synced = (name: string, data: unknown): PackSource => ({ origin: 'synced', name, text: JSON.stringify(data) });
const PROFILE = { birthDate: '2012-12-01' };

describe('bundled rule packs', () => {
  it('all validate and none is rejected', () => {
    const { packs, rejected } = selectPacks(bundled);
    expect(rejected).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(['case-follow-up', 'civil-status', 'identity-documents', 'social-life-events']);
  });

  it('cover the life events, none an example, each basis with its document, article, source and the date it was checked', () => {
    const rules = selectPacks(bundled).packs.flatMap((p) => p.rules);
    expect(rules.map((r) => r.id).sort()).toEqual([
      'birth-registration',
      'birth-registration-late',
      'case-result-pickup',
      'case-supplement',
      'cmnd-12-replacement',
      'cmnd-9-replacement',
      'death-registration',
      'id-card-check-issue-date',
      'id-card-first',
      'id-card-renewal',
      'military-service-registration',
      'social-pension-75',
    ]);
    expect(rules.filter((r) => r.example)).toEqual([]);
    for (const b of rules.flatMap((r) => r.legalBasis)) {
      expect(b).toEqual({ document: expect.stringMatching(/\S/), article: expect.stringMatching(/\S/), source: expect.stringMatching(/^https:\/\//), checked: '2026-12-07' });
    }
  });

  it('name the catalogue procedure that follows; case rules take the case code', () => {
    const codes = selectPacks(bundled).packs.flatMap((p) => p.rules.map((r) => [r.id, r.procedureCode ?? null]));
    expect(Object.fromEntries(codes)).toMatchObject({
      'case-supplement': null,
      'case-result-pickup': null,
      'birth-registration': '1.001193',
      'birth-registration-late': '1.001193',
      'id-card-renewal': 'CC.CAP-DOI',
      'id-card-first': 'CC.CAP',
      'death-registration': '1.000656',
    });
  });
});

describe('production and demo packs', () => {
  const identity = bundledPack('identity-documents');
  const unsourced = { ...identity, version: '2027.1', rules: identity.rules.map((r) => ({ ...r, legalBasis: [{ document: 'Luật Căn cước số 26/2023/QH15', article: 'Điều 21' }] })) };

  it('a production load refuses a legal basis without its source and checked date; demo mode takes it', () => {
    const production = selectPacks([...bundled, synced('identity-documents', unsourced)]);
    expect(production.rejected).toEqual([{ origin: 'synced', name: 'identity-documents', reason: expect.stringMatching(/needs its source and the date it was checked/) }]);
    expect(production.packs.find((p) => p.id === 'identity-documents')?.version).toBe('2026.2');
    expect(selectPacks([...bundled, synced('identity-documents', unsourced)], { demo: true }).rejected).toEqual([]);
  });

  it('an example rule is refused in production: examples live in demo packs, loaded only in demo mode', () => {
    const example = { ...identity, version: '2027.1', rules: [{ ...identity.rules[0], example: true }] };
    expect(selectPacks([synced('identity-documents', example)]).rejected[0]?.reason).toMatch(/belongs in a demo pack/);
    const ids = (demo: boolean) => loadRulePacks(process.cwd(), undefined, { demo }).packs.flatMap((p) => p.rules.map((r) => r.id));
    expect(ids(false)).not.toContain('passport-renewal');
    expect(ids(true)).toContain('passport-renewal');
    expect(loadRulePacks(process.cwd(), undefined, { demo: true }).rejected).toEqual([]);
  });
});

describe('synced rule packs', () => {
  const newer = { ...bundledPack('identity-documents'), version: '2026.10' };
  newer.rules = newer.rules.map((r) => (r.id === 'id-card-first' ? { ...r, window: { opensBefore: { months: 12 } } } : r));

  it('a newer synced version replaces the bundled pack, and the engine uses it', () => {
    const { packs, rejected } = selectPacks([...bundled, synced('identity-documents', newer)]);
    expect(rejected).toEqual([]);
    expect(packs.find((p) => p.id === 'identity-documents')?.version).toBe('2026.10');
    // The newer pack opens the first-card window 12 months before the 14th birthday: shown 11 months early.
    const early = isoDate('2026-01-01');
    expect(compileRules(selectPacks(bundled).packs).evaluate(PROFILE, early)).toEqual([]);
    expect(compileRules(packs).evaluate(PROFILE, early).map((r) => r.ruleId)).toEqual(['id-card-first']);
  });

  it('an older or equal synced version leaves the bundled pack in place', () => {
    for (const version of ['2025.9', '2026.2']) {
      const { packs } = selectPacks([...bundled, synced('identity-documents', { ...newer, version })]);
      expect(packs.find((p) => p.id === 'identity-documents')?.version).toBe('2026.2');
    }
  });

  it('versions compare number by number', () => {
    expect(compareVersions('2026.10', '2026.9')).toBeGreaterThan(0);
    expect(compareVersions('2026.1', '2026.1.0')).toBe(0);
    expect(compareVersions('2025', '2026.1')).toBeLessThan(0);
  });

  it('a synced object may leave out its id; a different id is rejected', () => {
    expect(selectPacks([synced('identity-documents', { ...newer, id: undefined })]).packs[0]?.version).toBe('2026.10');
    expect(selectPacks([synced('other', newer)]).rejected[0]?.reason).toMatch(/is not the object id other/);
  });

  it.each([
    ['not JSON', { origin: 'synced', name: 'x', text: '{' } as PackSource, /not JSON/],
    ['a pack of an older shape', synced('id-card-renewal', { version: '2026.1', ages: [14, 25, 40, 60], graceYears: 2 }), /rules/],
    ['an unknown fact', synced('identity-documents', { ...newer, rules: [{ ...newer.rules[1], due: { kind: 'on', fact: 'passport.issueDate' } }] }), /fact/],
    ['an unknown due kind', synced('identity-documents', { ...newer, rules: [{ ...newer.rules[1], due: { kind: 'easter' } }] }), /due/],
    ['a rule without legal basis', synced('identity-documents', { ...newer, rules: [{ ...newer.rules[1], legalBasis: [] }] }), /legalBasis/],
    ['an unknown placeholder', synced('identity-documents', { ...newer, rules: [{ ...newer.rules[1], reason: { vi: '{name}', en: 'x' } }] }), /placeholder \{name\}/],
    ['a rule mixing children and citizen facts', synced('civil-status', { ...bundledPack('civil-status'), version: '9', rules: [{ ...bundledPack('civil-status').rules[0], when: [{ fact: 'passport.expiryDate', ageUnder: 3 }] }] }), /mixes facts/],
    ['a window on id-card-renewal', synced('identity-documents', { ...newer, rules: [{ ...newer.rules[0], window: 'always' }] }), /own window/],
    ['a rule without a window', synced('identity-documents', { ...newer, rules: [{ ...newer.rules[1], window: undefined }] }), /needs a window/],
    ['a case rule with a procedure code', synced('case-follow-up', { ...bundledPack('case-follow-up'), version: '9', rules: [{ ...bundledPack('case-follow-up').rules[0], procedureCode: 'X' }] }), /case procedure code/],
    ['a repeated rule id', synced('identity-documents', { ...newer, rules: [newer.rules[1], newer.rules[1]] }), /repeated/],
    ['a bad version', synced('identity-documents', { ...newer, version: 'latest' }), /version/],
  ])('an invalid synced pack (%s) is ignored with its reason and the bundled one stays', (_, source, reason) => {
    const { packs, rejected } = selectPacks([...bundled, source]);
    expect(rejected).toEqual([{ origin: 'synced', name: source.name, reason: expect.stringMatching(reason) }]);
    expect(packs.map((p) => p.version)).toEqual(['2026.2', '2026.2', '2026.2', '2026.1']);
  });

  it('a synced pack reusing a rule id of another pack is rejected', () => {
    const thief = { id: 'extra', version: '1', rules: [newer.rules[1]] };
    const { packs, rejected } = selectPacks([...bundled, synced('extra', thief)]);
    expect(packs.map((p) => p.id)).not.toContain('extra');
    expect(rejected).toEqual([{ origin: 'synced', name: 'extra', reason: 'rule id-card-first is already in pack identity-documents' }]);
  });

  it('the schema parses every bundled file on its own', () => {
    for (const source of bundled) expect(rulePack.safeParse(JSON.parse(source.text)).success).toBe(true);
  });
});
