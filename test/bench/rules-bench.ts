// The rule engine against json-logic-js, run by `npm run bench` after the others: the same rules
// (the bundled packs, translated rule by rule into JsonLogic), the same 100k generated profiles,
// in the same run. JsonLogic has no dates, so the translation adds date primitives as operations
// (add_operation, its documented extension) calling the very functions the engine uses. Before
// timing, both must give the same due reminders on a sample. `engine.due` gives what json-logic
// gives (which rules are due, and when, in order); `engine.evaluate` also writes the texts.
import jsonLogic, { type AdditionalOperation, type RulesLogic } from 'json-logic-js';
import type { CitizenProfile } from '../../electron/contract';
import { addYears, isoDate, vietnamDateOf, type IsoDate } from '../../electron/base/calendar-date';
import { EARLY_RENEWAL_YEARS, RENEWAL_AGES } from '../../electron/proactive/id-card-renewal';
import { compileRules } from '../../electron/proactive/rules/engine';
import { FACTS, type FactName, type Scope } from '../../electron/proactive/rules/facts';
import { shift } from '../../electron/proactive/rules/date-math';
import { loadRulePacks } from '../../electron/proactive/rules/load-packs';
import { scopeOf, type Condition, type Rule } from '../../electron/proactive/rules/pack-schema';
import { addSummary } from './summary';

const PROFILES = Number(process.env.MOTCUA_BENCH_PROFILES ?? 100_000);
const SAMPLE = 5_000;
const TODAY = isoDate('2026-11-23');

type Logic = RulesLogic<AdditionalOperation>;
interface Due { ruleId: string; dueDate: IsoDate }

// ── the profiles ────────────────────────────────────────────────────────────────────────────
/** Deterministic: the same profiles on every run (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateProfiles(n: number): CitizenProfile[] {
  const r = random(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const dayBetween = (fromYear: number, toYear: number) => new Date(Date.UTC(fromYear, 0, 1) + r() * (toYear - fromYear) * 365.25 * 864e5).toISOString().slice(0, 10);
  const maybe = <T>(p: number, make: () => T) => (r() < p ? make() : undefined);
  const out: CitizenProfile[] = [];
  for (let i = 0; i < n; i++) {
    const birthDate = dayBetween(1940, 2014);
    const p: CitizenProfile = { birthDate, sex: pick(['male', 'female'] as const) };
    const issued = maybe(0.8, () => dayBetween(Math.max(Number(birthDate.slice(0, 4)) + 14, 2016), 2027));
    if (issued) p.idCard = { issueDate: issued < birthDate ? birthDate : issued };
    const children = maybe(0.3, () => Array.from({ length: 1 + Math.floor(r() * 2) }, () => ({ birthDate: dayBetween(2019, 2027), birthRegistered: r() < 0.5 })));
    if (children) p.children = children;
    for (const key of ['passport', 'healthInsurance', 'drivingLicence', 'temporaryResidence'] as const) {
      const expiry = maybe(key === 'healthInsurance' ? 0.6 : 0.3, () => dayBetween(2025, 2030));
      if (expiry) p[key] = { expiryDate: expiry };
    }
    const cases = maybe(0.2, () => [{ receiptCode: `MC-${i}`, procedureCode: '1.001193', status: pick(['processing', 'supplement-required', 'completed'] as const), dueAt: `${dayBetween(2026, 2027)}T10:00:00.000Z` }]);
    if (cases) p.cases = cases;
    out.push(p);
  }
  return out;
}

// ── the same rules in JsonLogic ─────────────────────────────────────────────────────────────
jsonLogic.add_operation('add_years', (date: IsoDate, years: number) => addYears(date, years));
jsonLogic.add_operation('shift_date', (date: IsoDate, years: number, months: number, days: number, sign: 1 | -1) => shift(date, { years, months, days }, sign));
jsonLogic.add_operation('vn_day', (stamp: string | undefined) => (stamp === undefined ? null : vietnamDateOf(stamp)));

/**
 * Luật Căn cước art. 21 in JsonLogic, unrolled over the renewal ages (JsonLogic's map and reduce
 * cannot see the profile): with the issue date, the card expires at the first age whose 2-year
 * window opened after the issue; without it, the next age to come. Shown from that window.
 */
function idCardLogic(): Logic {
  const birth = { var: 's.birthDate' };
  const issue = { var: 's.idCard.issueDate' };
  const today = { var: 'today' };
  const at = (age: number) => ({ add_years: [birth, age] });
  const opens = (age: number) => ({ add_years: [birth, age - EARLY_RENEWAL_YEARS] });
  const shown = (age: number): Logic => ({ if: [{ '>=': [today, opens(age)] }, at(age), null] });
  const chain = (ages: readonly number[], test: (age: number) => Logic): Logic => ({ if: [...ages.flatMap((age) => [test(age), shown(age)]), null] } as Logic);
  const withIssue = chain(RENEWAL_AGES, (age) => ({ '<': [issue, opens(age)] }));
  // Without a card on record, 14 is a first card (another rule), not a renewal.
  const cardAlone = chain(RENEWAL_AGES.slice(1), (age) => ({ '>': [at(age), today] }));
  return { if: [{ '!!': [birth] }, { if: [{ '!!': [issue] }, withIssue, cardAlone] }, null] };
}

/** A fact of the subject at `s` (the citizen, one child or one case); synced stamps as days in Vietnam. */
function factLogic(name: FactName): Logic {
  const path = `s.${name.replace(/^(children|cases)\[\]\./, '')}`;
  return FACTS[name].scope === 'cases' && FACTS[name].type === 'date' ? { vn_day: [{ var: path }] } : { var: path };
}

type Translatable = Exclude<Condition, { known: boolean }>;

function conditionLogic(c: Translatable): Logic {
  const value = factLogic(c.fact);
  if ('equals' in c) return { '===': [value, c.equals] };
  if ('notEquals' in c) return { '!==': [value, c.notEquals] };
  // Under n years old: the n-th birthday is still to come.
  return { and: [{ '!!': [value] }, { '>': [{ add_years: [value, c.ageUnder] }, { var: 'today' }] }] };
}

/**
 * The rules the translation covers: the renewal ages and dates moved from a fact, windows that
 * open before the due date, conditions on values and ages. Both contenders run these alone.
 */
function translatable(rule: Rule): boolean {
  const w = rule.window;
  const simpleWindow = w === undefined || w === 'always' || (w.opensAfter === undefined && w.closesAfter === undefined);
  return ['id-card-renewal', 'on', 'after', 'before'].includes(rule.due.kind) && simpleWindow && rule.when.every((c) => !('known' in c)) && scopeOf(rule) !== 'deaths';
}

/** One rule as JsonLogic over `{s, today}`: its due date when it shows today, else null. */
function ruleLogic(rule: Rule): Logic {
  const conditions = (rule.when as Translatable[]).map(conditionLogic);
  if (rule.due.kind === 'id-card-renewal') return conditions.length ? { if: [{ and: conditions }, idCardLogic(), null] } : idCardLogic();
  const d = rule.due as Extract<Rule['due'], { kind: 'on' | 'after' | 'before' }>;
  const fact = factLogic(d.fact);
  const due: Logic = d.kind === 'on' ? fact : { shift_date: [fact, d.years ?? 0, d.months ?? 0, d.days ?? 0, d.kind === 'before' ? -1 : 1] };
  const before = rule.window === undefined || rule.window === 'always' ? undefined : rule.window.opensBefore;
  const opens: Logic[] = before === undefined ? [] : [{ '>=': [{ var: 'today' }, { shift_date: [due, before.years ?? 0, before.months ?? 0, before.days ?? 0, -1] }] }];
  return { if: [{ and: [...conditions, { '!!': [fact] }, ...opens] }, due, null] };
}

function jsonLogicEvaluator(rules: Rule[]) {
  const compiled = rules.map((rule) => ({ ruleId: rule.id, scope: scopeOf(rule), logic: ruleLogic(rule) }));
  const subjects = (p: CitizenProfile, scope: Scope): readonly unknown[] => (scope === 'citizen' ? [p] : ((scope === 'children' ? p.children : p.cases) ?? []));
  return (p: CitizenProfile, today: IsoDate): Due[] => {
    const out: Due[] = [];
    for (const rule of compiled) {
      for (const s of subjects(p, rule.scope)) {
        const dueDate = jsonLogic.apply(rule.logic, { s, today }) as IsoDate | null;
        if (dueDate) out.push({ ruleId: rule.ruleId, dueDate });
      }
    }
    return out;
  };
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────
const key = (ds: readonly { ruleId: string; dueDate: string }[]) => ds.map((d) => `${d.ruleId}@${d.dueDate}`).sort().join(',');

const ROUNDS = 3;

/** Profiles per second of each contender: rounds taken in turn, the best kept, so a load spike on a shared machine hits one round, not one contender. */
function profilesPerSecond(profiles: CitizenProfile[], contenders: ((p: CitizenProfile) => unknown)[]): number[] {
  const best = contenders.map(() => 0);
  for (const evaluate of contenders) for (let i = 0; i < Math.min(5_000, profiles.length); i++) evaluate(profiles[i]!);
  for (let round = 0; round < ROUNDS; round++) {
    contenders.forEach((evaluate, c) => {
      const start = performance.now();
      for (const p of profiles) evaluate(p);
      best[c] = Math.max(best[c]!, (profiles.length * 1000) / (performance.now() - start));
    });
  }
  return best;
}

export function runRulesBench(): void {
  const packs = loadRulePacks(process.cwd(), undefined, { demo: true }).packs.map((p) => ({ ...p, rules: p.rules.filter(translatable) })).filter((p) => p.rules.length > 0);
  const engine = compileRules(packs);
  const viaJsonLogic = jsonLogicEvaluator(packs.flatMap((p) => p.rules));
  const profiles = generateProfiles(PROFILES);

  let reminders = 0;
  for (const p of profiles.slice(0, SAMPLE)) {
    const ours = engine.evaluate(p, TODAY);
    reminders += ours.length;
    if (key(ours) !== key(viaJsonLogic(p, TODAY))) throw new Error(`engine and json-logic disagree on ${JSON.stringify(p)}`);
  }

  const [theirs, decide, full] = profilesPerSecond(profiles, [(p) => viaJsonLogic(p, TODAY), (p) => engine.due(p, TODAY), (p) => engine.evaluate(p, TODAY)]) as [number, number, number];
  const row = (name: string, perSecond: number) =>
    console.log(name.padEnd(52), `${perSecond.toFixed(0).padStart(9)} profiles/s ${(1e6 / perSecond).toFixed(2).padStart(8)} µs/profile ${(perSecond / theirs).toFixed(1).padStart(6)}×`);
  console.log(`\nrule engine vs json-logic-js: ${profiles.length} profiles, ${engine.packs.length} packs, best of ${ROUNDS} rounds; same due reminders on ${SAMPLE} profiles (${reminders} reminders)`);
  row('json-logic-js: which rules are due, and when', theirs);
  row('engine.due: the same output (target ≥ 5×)', decide);
  row('engine.evaluate: with explanations, steps, basis', full);
  addSummary({
    benchmark: `rule engine, ${profiles.length.toLocaleString('en-US')} profiles`,
    measured: `${decide.toFixed(0)} profiles/s (engine.due; ${full.toFixed(0)}/s with the texts)`,
    baseline: `${theirs.toFixed(0)} profiles/s (json-logic-js, same rules)`,
    ratio: `${(decide / theirs).toFixed(1)}× faster`,
    goal: '≥ 5×',
    met: decide / theirs >= 5,
  });
}
