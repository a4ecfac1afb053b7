import { z } from 'zod';
import { isoDate, legalBasis, localizedText, severity } from '../../contract';
import { DATE_FACT_NAMES, FACT_NAMES, FACTS, type FactName, type Scope } from './facts';

const count = z.number().int().nonnegative().max(1200);
const durationFields = { years: count.optional(), months: count.optional(), days: count.optional() };
export const duration = z.object(durationFields).strict();

const dateFact = z.enum(DATE_FACT_NAMES);
const anyFact = z.enum(FACT_NAMES);
const scalar = z.union([z.string(), z.boolean()]);

/**
 * When a reminder is due — a small closed set:
 * - `id-card-renewal`: the next renewal age (14/25/40/60) and its 2-year window, by id-card-renewal.ts;
 * - `on`: the date of a fact (an expiry date, a case's due date);
 * - `id-card-check`: the last renewal age (25/40/60) passed when the card's issue date is unknown;
 * - `after` / `before`: a fact's date moved by a duration (60 days after a birth; 6 months before an expiry);
 * - `in-year-of-age`: a day of the year in which a birth date reaches an age (April of the year a man turns 17);
 * - `since`: a fixed date the law sets (the old CMND's last valid day).
 */
export const dueComputation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('id-card-renewal') }).strict(),
  z.object({ kind: z.literal('id-card-check') }).strict(),
  z
    .object({ kind: z.literal('in-year-of-age'), fact: dateFact, age: z.number().int().nonnegative().max(150), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
    .strict()
    // A day every year has: no 29 February, no 31 April.
    .refine((d) => d.day <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1]!, 'a day every year has'),
  z.object({ kind: z.literal('since'), date: isoDate }).strict(),
  z.object({ kind: z.literal('on'), fact: dateFact }).strict(),
  z.object({ kind: z.literal('after'), fact: dateFact, ...durationFields }).strict(),
  z.object({ kind: z.literal('before'), fact: dateFact, ...durationFields }).strict(),
]);
export type DueComputation = z.infer<typeof dueComputation>;

/** All conditions of a rule must hold. An absent fact equals nothing, is never under an age, and is not `known`. */
export const condition = z.union([
  z.object({ fact: anyFact, known: z.boolean() }).strict(),
  z.object({ fact: anyFact, equals: scalar }).strict(),
  z.object({ fact: anyFact, notEquals: scalar }).strict(),
  z.object({ fact: dateFact, ageUnder: z.number().int().positive().max(150) }).strict(),
]);
export type Condition = z.infer<typeof condition>;

/**
 * When the reminder shows: always, or from a duration before its due date (or after it, for what
 * follows a missed deadline) and/or until a duration after it.
 */
export const reminderWindow = z.union([
  z.literal('always'),
  z
    .object({ opensBefore: duration.optional(), opensAfter: duration.optional(), closesAfter: duration.optional() })
    .strict()
    .refine((w) => w.opensBefore === undefined || w.opensAfter === undefined, 'a window opens before or after its due date, not both')
    .refine((w) => w.opensBefore !== undefined || w.opensAfter !== undefined || w.closesAfter !== undefined, 'a window opens or closes'),
]);
export type ReminderWindow = z.infer<typeof reminderWindow>;

/** `{name}` placeholders a reason may use: the due fact's date, the due date, the renewal age, the receipt code. */
export const PLACEHOLDERS = ['fact', 'dueDate', 'age', 'receiptCode'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
const PLACEHOLDER = /\{([^{}]*)\}/g;

const ruleFields = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80),
    severity,
    /** The catalogue procedure that follows; absent on case rules, which take the case's own. */
    procedureCode: z.string().min(1).max(64).optional(),
    legalBasis: z.array(legalBasis).min(1),
    /** True when the legal basis is an example, not confirmed. */
    example: z.boolean(),
    title: localizedText,
    /** Why, as a sentence with placeholders; the engine adds the due date, facts, rule and legal basis. */
    reason: localizedText,
    steps: z.array(localizedText).min(1),
    due: dueComputation,
    when: z.array(condition).default([]),
    /** Absent only on `id-card-renewal`, whose window the law defines. */
    window: reminderWindow.optional(),
  })
  .strict();
export type Rule = z.infer<typeof ruleFields>;

/** Due computations whose window the law defines (the ID card's ages). */
const LAW_WINDOWS: ReadonlySet<DueComputation['kind']> = new Set(['id-card-renewal', 'id-card-check']);
export const hasLawWindow = (due: DueComputation) => LAW_WINDOWS.has(due.kind);

function dueFacts(due: DueComputation): FactName[] {
  if (due.kind === 'id-card-renewal' || due.kind === 'id-card-check') return ['birthDate', 'idCard.issueDate'];
  return due.kind === 'since' ? [] : [due.fact];
}

/** The facts a rule reads: its due fact, then its condition facts. */
export function factsOf(rule: Pick<Rule, 'due' | 'when'>): FactName[] {
  const due = dueFacts(rule.due);
  return [...due, ...rule.when.map((c) => c.fact)].filter((f, i, all) => all.indexOf(f) === i);
}

export const scopeOf = (rule: Pick<Rule, 'due' | 'when'>): Scope => FACTS[factsOf(rule)[0]!].scope;

export const placeholdersIn = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);

function allowedPlaceholders(rule: Rule): Set<string> {
  const allowed = new Set<string>(['fact', 'dueDate']);
  if (hasLawWindow(rule.due)) allowed.add('age');
  if (scopeOf(rule) === 'cases') allowed.add('receiptCode');
  return allowed;
}

/** What the shape alone cannot say: one scope per rule, the window and procedure each rule needs, known placeholders. */
function ruleProblems(rule: Rule): string[] {
  const problems: string[] = [];
  if (factsOf(rule).length === 0) return ['reads no fact'];
  const scopes = new Set(factsOf(rule).map((f) => FACTS[f].scope));
  if (scopes.size > 1) problems.push(`mixes facts of ${[...scopes].join(' and ')}`);
  const lawWindow = hasLawWindow(rule.due);
  if (lawWindow === (rule.window !== undefined)) problems.push(lawWindow ? `${rule.due.kind} has its own window` : 'needs a window');
  const caseRule = scopeOf(rule) === 'cases';
  if (caseRule === (rule.procedureCode !== undefined)) problems.push(caseRule ? 'case rules take the case procedure code' : 'needs a procedureCode');
  const allowed = allowedPlaceholders(rule);
  for (const p of [...placeholdersIn(rule.reason.vi), ...placeholdersIn(rule.reason.en)]) {
    if (!allowed.has(p)) problems.push(`unknown placeholder {${p}}`);
  }
  return problems;
}

export const rule = ruleFields.superRefine((r, ctx) => {
  for (const message of ruleProblems(r)) ctx.addIssue({ code: 'custom', message: `rule ${r.id}: ${message}` });
});

/**
 * What a production pack must say of its law, beyond the shape: every basis with its source and
 * the day it was checked, and no rule marked as an example (examples belong in demo packs).
 */
export function productionProblems(pack: RulePack): string[] {
  const problems: string[] = [];
  for (const r of pack.rules) {
    if (r.example) problems.push(`rule ${r.id}: an example rule belongs in a demo pack`);
    r.legalBasis.forEach((b, i) => {
      if (!b.source?.trim() || !b.checked) problems.push(`rule ${r.id}: legal basis ${i + 1} (${b.document}) needs its source and the date it was checked`);
    });
  }
  return problems;
}

/** A pack's version: dot-separated numbers ("2026.2"), compared number by number. */
export const packVersion = z.string().regex(/^\d{1,9}(\.\d{1,9}){0,3}$/);

export const rulePack = z
  .object({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80), version: packVersion, rules: z.array(rule).min(1).max(500) })
  .strict()
  .superRefine((p, ctx) => {
    const ids = p.rules.map((r) => r.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (twice.length > 0) ctx.addIssue({ code: 'custom', message: `rule ids repeated: ${twice.join(', ')}` });
  });
export type RulePack = z.infer<typeof rulePack>;

/** Negative when `a` is older than `b`. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
