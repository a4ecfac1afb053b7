import type { CitizenProfile, RuleReminder, Severity } from '../../contract';
import { isoDate, type IsoDate } from '../../base/calendar-date';
import { compileConditions } from './compile-condition';
import { compileDue, todayOf, type Due, type Today } from './compile-due';
import { compileExplainer } from './explanation';
import { subjectsOf, type Scope, type Subject, type SyncedCase } from './facts';
import { scopeOf, type Condition, type Rule, type RulePack } from './pack-schema';
import { compareUrgency } from './urgency';

interface CompiledRule {
  ruleId: string;
  severity: Severity;
  scope: Scope;
  /** The due date when the reminder shows on `today`, else null. */
  find(subject: Subject, today: Today): Due | null;
  /** The full reminder of a hit: texts, legal basis, steps. */
  remind(subject: Subject, due: Due, today: IsoDate): RuleReminder;
}

/** A rule that applies to a subject today: what the order needs, and what the reminder is built from. */
export interface DueHit {
  ruleId: string;
  severity: Severity;
  dueDate: IsoDate;
  rule: CompiledRule;
  subject: Subject;
  due: Due;
}

/** Rules compiled once; evaluating a profile runs closures, never reads the pack's JSON again. */
export interface RuleEngine {
  /** The packs compiled in. */
  readonly packs: readonly { id: string; version: string }[];
  /** The citizen's reminders on `today`, most urgent first. */
  evaluate(profile: CitizenProfile, today: IsoDate): RuleReminder[];
  /** Only which rules are due and when, most urgent first: the decision without the texts. */
  due(profile: CitizenProfile, today: IsoDate): DueHit[];
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

function compileRule(rule: Rule): CompiledRule {
  const scope = scopeOf(rule);
  const computeDue = compileDue(rule.due, rule.window);
  const holds = compileConditions(rule.when);
  const explain = compileExplainer(rule);
  // Shared by every reminder of this rule: frozen so no caller can change another's.
  const fixed = deepFreeze({ legalBasis: rule.legalBasis, title: rule.title, steps: rule.steps });
  return {
    ruleId: rule.id,
    severity: rule.severity,
    scope,
    find(subject, today) {
      if (!holds(subject, today)) return null;
      const due = computeDue(subject, today);
      return due !== null && FOUR_DIGIT_YEAR.test(due.dueDate) ? due : null;
    },
    remind: (subject, due, today) => ({
      ruleId: rule.id,
      severity: rule.severity,
      dueDate: due.dueDate,
      procedureCode: scope === 'cases' ? (subject as SyncedCase).procedureCode : (rule.procedureCode ?? null),
      legalBasis: fixed.legalBasis,
      title: fixed.title,
      explanation: explain(subject, due, today),
      steps: fixed.steps,
      example: rule.example,
    }),
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

function findAll(rules: CompiledRule[], subjects: readonly Subject[], today: Today, out: DueHit[]): void {
  for (const subject of subjects) {
    for (const rule of rules) {
      const due = rule.find(subject, today);
      if (due !== null) out.push({ ruleId: rule.ruleId, severity: rule.severity, dueDate: due.dueDate, rule, subject, due });
    }
  }
}

const remindAll = (hits: DueHit[], today: IsoDate): RuleReminder[] => hits.map((h) => h.rule.remind(h.subject, h.due, today));

/** Compiles validated packs (see load-packs.ts); rule ids must be unique across them. */
export function compileRules(packs: readonly RulePack[]): RuleEngine {
  const compiled = packs.flatMap((pack) => pack.rules.map((rule) => compileRule(rule)));
  const byScope = (scope: Scope) => compiled.filter((r) => r.scope === scope);
  const [citizenRules, childRules, deathRules, caseRules] = [byScope('citizen'), byScope('children'), byScope('deaths'), byScope('cases')];

  // A batch evaluates many profiles on one day: parse it once.
  let day = todayOf(isoDate('1970-01-01'));
  const dayOfEvaluation = (today: IsoDate) => (day.date === today ? day : (day = todayOf(today)));

  const due = (profile: CitizenProfile, today: IsoDate): DueHit[] => {
    const hits: DueHit[] = [];
    const t = dayOfEvaluation(today);
    findAll(citizenRules, subjectsOf(profile, 'citizen'), t, hits);
    findAll(childRules, subjectsOf(profile, 'children'), t, hits);
    findAll(deathRules, subjectsOf(profile, 'deaths'), t, hits);
    findAll(caseRules, subjectsOf(profile, 'cases'), t, hits);
    return hits.length > 1 ? hits.sort(compareUrgency(today)) : hits;
  };

  return {
    packs: packs.map((p) => ({ id: p.id, version: p.version })),
    caseStatuses: caseStatusesOf(packs.flatMap((p) => p.rules)),
    due,
    evaluate: (profile, today) => remindAll(due(profile, today), today),
    evaluateCase(c, today) {
      const hits: DueHit[] = [];
      findAll(caseRules, [c], dayOfEvaluation(today), hits);
      return remindAll(hits.sort(compareUrgency(today)), today);
    },
  };
}
