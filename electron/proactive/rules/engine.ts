import type { CitizenProfile, LocalizedText, RuleReminder } from '../../contract';
import { formatVietnameseDate as d, type IsoDate } from '../calendar-date';
import { compileConditions } from './compile-condition';
import { compileDue } from './compile-due';
import { compileTemplate, dueSentence, factsSentence, sourceSentence, type TemplateValues } from './explanation';
import { FACTS, subjectsOf, type Scope, type Subject, type SyncedCase } from './facts';
import { factsOf, scopeOf, type Condition, type Rule, type RulePack } from './pack-schema';
import { compareUrgency } from './urgency';

interface CompiledRule {
  scope: Scope;
  run(subject: Subject, today: IsoDate): RuleReminder | null;
}

/** Rules compiled once; evaluating a profile runs closures, never reads the pack's JSON again. */
export interface RuleEngine {
  /** The packs compiled in, for the status panel and the explanations. */
  readonly packs: readonly { id: string; version: string }[];
  /** The citizen's reminders on `today`, most urgent first. */
  evaluate(profile: CitizenProfile, today: IsoDate): RuleReminder[];
  /** One synced case's reminders (the officers' due list), most urgent first. */
  evaluateCase(c: SyncedCase, today: IsoDate): RuleReminder[];
  /** The case statuses any case rule can remind about; null when a case rule does not name one. */
  readonly caseStatuses: readonly string[] | null;
}

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
};

/** Dates moved past year 9999 (or before year 1) are no calendar day: such a rule gives no reminder. */
const FOUR_DIGIT_YEAR = /^(?!0000)\d{4}-/;

const joined = (...parts: LocalizedText[]): LocalizedText => ({ vi: parts.map((p) => p.vi).join(' '), en: parts.map((p) => p.en).join(' ') });

function compileRule(rule: Rule, pack: RulePack): CompiledRule {
  const scope = scopeOf(rule);
  const due = compileDue(rule.due, rule.window);
  const holds = compileConditions(rule.when);
  const facts = factsOf(rule).map((name) => ({ name, read: FACTS[name].read }));
  const reason = { vi: compileTemplate(rule.reason.vi), en: compileTemplate(rule.reason.en) };
  const source = sourceSentence(rule.id, pack, rule.legalBasis, rule.example);
  // Shared by every reminder of this rule: frozen so no caller can change another's.
  const fixed = deepFreeze({ legalBasis: rule.legalBasis, title: rule.title, steps: rule.steps });
  return {
    scope,
    run(subject, today) {
      if (!holds(subject, today)) return null;
      const found = due(subject, today);
      if (found === null || !FOUR_DIGIT_YEAR.test(found.dueDate) || (found.opensOn !== null && today < found.opensOn)) return null;
      const values: TemplateValues = { fact: d(found.factDate), dueDate: d(found.dueDate) };
      if (found.age !== undefined) values.age = String(found.age);
      if (scope === 'cases') values.receiptCode = (subject as SyncedCase).receiptCode;
      return {
        ruleId: rule.id,
        severity: rule.severity,
        dueDate: found.dueDate,
        procedureCode: scope === 'cases' ? (subject as SyncedCase).procedureCode : (rule.procedureCode ?? null),
        legalBasis: fixed.legalBasis,
        title: fixed.title,
        explanation: joined(
          { vi: reason.vi(values), en: reason.en(values) },
          dueSentence(found.dueDate, today),
          factsSentence(facts.map((f) => [f.name, f.read(subject)])),
          source,
        ),
        steps: fixed.steps,
        example: rule.example,
      };
    },
  };
}

/** The statuses named by `cases[].status equals …`; null when some case rule has none. */
function caseStatusesOf(rules: Rule[]): string[] | null {
  const statuses = new Set<string>();
  for (const rule of rules.filter((r) => scopeOf(r) === 'cases')) {
    const named = rule.when.filter((c): c is Extract<Condition, { equals: unknown }> => c.fact === 'cases[].status' && 'equals' in c);
    if (named.length === 0) return null;
    named.forEach((c) => statuses.add(String(c.equals)));
  }
  return [...statuses].sort();
}

/** Compiles validated packs (see load-packs.ts); rule ids must be unique across them. */
export function compileRules(packs: readonly RulePack[]): RuleEngine {
  const compiled = packs.flatMap((pack) => pack.rules.map((rule) => compileRule(rule, pack)));
  const byScope = (scope: Scope) => compiled.filter((r) => r.scope === scope);
  const citizenRules = byScope('citizen');
  const childRules = byScope('children');
  const caseRules = byScope('cases');

  const runAll = (rules: CompiledRule[], subjects: readonly Subject[], today: IsoDate, out: RuleReminder[]) => {
    for (const subject of subjects) {
      for (const rule of rules) {
        const reminder = rule.run(subject, today);
        if (reminder !== null) out.push(reminder);
      }
    }
  };

  return {
    packs: packs.map((p) => ({ id: p.id, version: p.version })),
    caseStatuses: caseStatusesOf(packs.flatMap((p) => p.rules)),
    evaluate(profile, today) {
      const out: RuleReminder[] = [];
      runAll(citizenRules, subjectsOf(profile, 'citizen'), today, out);
      runAll(childRules, subjectsOf(profile, 'children'), today, out);
      runAll(caseRules, subjectsOf(profile, 'cases'), today, out);
      return out.sort(compareUrgency(today));
    },
    evaluateCase(c, today) {
      const out: RuleReminder[] = [];
      runAll(caseRules, [c], today, out);
      return out.sort(compareUrgency(today));
    },
  };
}
