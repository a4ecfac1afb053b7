import { describe, expect, it } from 'vitest';
import { compareVersions, rulePack } from '../../electron/proactive/rules/pack-schema';
import { readBundledPacks, selectPacks, type PackSource } from '../../electron/proactive/rules/load-packs';
import { compileRules } from '../../electron/proactive/rules/engine';

const bundled = readBundledPacks(process.cwd());
const bundledPack = (id: string) => JSON.parse(bundled.find((s) => s.name === `${id}.json`)!.text) as { id: string; version: string; rules: Record<string, unknown>[] };
const synced = (name: string, data: unknown): PackSource => ({ origin: 'synced', name, text: JSON.stringify(data) });
const PROFILE = { passport: { expiryDate: '2027-03-01' } };

describe('bundled rule packs', () => {
  it('all validate and none is rejected', () => {
    const { packs, rejected } = selectPacks(bundled);
    expect(rejected).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(['case-follow-up', 'civil-status', 'identity-documents', 'residence-insurance']);
  });

  it('cover every rule of the issue, each with a legal basis; only the two confirmed ones are not examples', () => {
    const rules = selectPacks(bundled).packs.flatMap((p) => p.rules);
    expect(rules.map((r) => r.id).sort()).toEqual([
      'birth-registration',
      'case-result-pickup',
      'case-supplement',
      'driving-licence-renewal',
      'health-insurance-renewal',
      'id-card-renewal',
      'newborn-linked-procedures',
      'passport-renewal',
      'temporary-residence-extension',
    ]);
    expect(rules.every((r) => r.legalBasis.length > 0 && r.steps.length > 0)).toBe(true);
    expect(rules.filter((r) => !r.example).map((r) => [r.id, r.legalBasis])).toEqual([
      ['birth-registration', [{ document: 'Luật Hộ tịch số 60/2014/QH13', article: 'Điều 15' }]],
      ['id-card-renewal', [{ document: 'Luật Căn cước số 26/2023/QH15', article: 'Điều 21' }]],
    ]);
  });

  it('name the catalogue procedure that follows, reusing the demo catalogue codes; case rules take the case code', () => {
    const codes = selectPacks(bundled).packs.flatMap((p) => p.rules.map((r) => [r.id, r.procedureCode ?? null]));
    expect(Object.fromEntries(codes)).toEqual({
      'case-supplement': null,
      'case-result-pickup': null,
      'birth-registration': '1.001193',
      'newborn-linked-procedures': 'LT.KS-TT-BHYT',
      'id-card-renewal': 'CC.CAP-DOI',
      'passport-renewal': 'HC.CAP-TRONG-NUOC',
      'driving-licence-renewal': 'GPLX.CAP-DOI',
      'temporary-residence-extension': 'CT.GIA-HAN-TAM-TRU',
      'health-insurance-renewal': 'BHYT.GIA-HAN',
    });
  });
});

describe('synced rule packs', () => {
  const newer = { ...bundledPack('identity-documents'), version: '2026.10' };
  newer.rules = newer.rules.map((r) => (r.id === 'passport-renewal' ? { ...r, window: { opensBefore: { months: 12 } } } : r));

  it('a newer synced version replaces the bundled pack, and the engine uses it', () => {
    const { packs, rejected } = selectPacks([...bundled, synced('identity-documents', newer)]);
    expect(rejected).toEqual([]);
    expect(packs.find((p) => p.id === 'identity-documents')?.version).toBe('2026.10');
    // The newer pack opens the passport window 12 months before its due date: shown 10 months early.
    const early = '2025-11-01';
    expect(compileRules(selectPacks(bundled).packs).evaluate(PROFILE, early)).toEqual([]);
    expect(compileRules(packs).evaluate(PROFILE, early).map((r) => r.ruleId)).toEqual(['passport-renewal']);
  });

  it('an older or equal synced version leaves the bundled pack in place', () => {
    for (const version of ['2025.9', '2026.1']) {
      const { packs } = selectPacks([...bundled, synced('identity-documents', { ...newer, version })]);
      expect(packs.find((p) => p.id === 'identity-documents')?.version).toBe('2026.1');
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
    expect(packs.map((p) => p.version)).toEqual(['2026.1', '2026.1', '2026.1', '2026.1']);
  });

  it('a synced pack reusing a rule id of another pack is rejected', () => {
    const thief = { id: 'extra', version: '1', rules: [newer.rules[1]] };
    const { packs, rejected } = selectPacks([...bundled, synced('extra', thief)]);
    expect(packs.map((p) => p.id)).not.toContain('extra');
    expect(rejected).toEqual([{ origin: 'synced', name: 'extra', reason: 'rule passport-renewal is already in pack identity-documents' }]);
  });

  it('the schema parses every bundled file on its own', () => {
    for (const source of bundled) expect(rulePack.safeParse(JSON.parse(source.text)).success).toBe(true);
  });
});
