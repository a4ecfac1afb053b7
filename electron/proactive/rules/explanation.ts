import type { LocalizedText } from '../../contract';
import type { IsoDate } from '../../base/calendar-date';
import type { Due } from './compile-due';
import { dayMonthYear as d, daysBetween } from './date-math';
import { FACTS, type FactName, type FactValue, type Subject, type SyncedCase } from './facts';
import { factsOf, placeholdersIn, scopeOf, type Placeholder, type Rule, type RulePack } from './pack-schema';

export type TemplateValues = Partial<Record<Placeholder, string>>;

/** A reason template split once into literal text and placeholders, so filling it is a join. */
export function compileTemplate(template: string): (values: TemplateValues) => string {
  const names = placeholdersIn(template) as Placeholder[];
  const literals = template.split(/\{[^{}]*\}/);
  return (values) => {
    let out = literals[0]!;
    for (let i = 0; i < names.length; i++) out += (values[names[i]!] ?? '') + literals[i + 1]!;
    return out;
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The due date (`shown` as dd/mm/yyyy) and how far it is from today, in a sentence. */
export function dueSentence(due: IsoDate, shown: string, today: IsoDate): LocalizedText {
  const days = daysBetween(today, due);
  if (days < 0) return { vi: `Hạn là ngày ${shown}: đã quá hạn ${-days} ngày.`, en: `It was due on ${shown}: ${plural(-days, 'day')} overdue.` };
  if (days === 0) return { vi: `Hạn là hôm nay, ngày ${shown}.`, en: `It is due today, ${shown}.` };
  return { vi: `Hạn là ngày ${shown} (còn ${days} ngày).`, en: `It is due on ${shown} (${plural(days, 'day')} left).` };
}

function factValueText(name: FactName, value: Exclude<FactValue, undefined>): LocalizedText {
  const { type, say } = FACTS[name];
  if (say) return say(value);
  const text = type === 'date' ? d(String(value)) : String(value);
  return { vi: text, en: text };
}

/** "Thông tin đã dùng — ngày sinh của con: 12/01/2026; khai sinh: chưa đăng ký." — the facts a reminder came from. */
function compileFactsSentence(names: FactName[]): (subject: Subject) => LocalizedText {
  const facts = names.map((name) => ({ name, read: FACTS[name].read, label: FACTS[name].label }));
  return (subject) => {
    const vi: string[] = [];
    const en: string[] = [];
    for (const f of facts) {
      const value = f.read(subject);
      if (value === undefined) continue;
      const text = factValueText(f.name, value);
      vi.push(`${f.label.vi}: ${text.vi}`);
      en.push(`${f.label.en}: ${text.en}`);
    }
    return { vi: `Thông tin đã dùng — ${vi.join('; ')}.`, en: `Facts used — ${en.join('; ')}.` };
  };
}

/** The legal basis and the rule: the same for every reminder of a rule. */
function sourceSentence(rule: Rule, pack: Pick<RulePack, 'id' | 'version'>): LocalizedText {
  const list = rule.legalBasis.map((b) => `${b.document}, ${b.article}`).join('; ');
  return {
    vi: `Căn cứ: ${list}${rule.example ? ' (ví dụ, chưa được xác nhận)' : ''}. Quy tắc ${rule.id}, gói ${pack.id} phiên bản ${pack.version}.`,
    en: `Legal basis: ${list}${rule.example ? ' (an example, not confirmed)' : ''}. Rule ${rule.id}, pack ${pack.id} version ${pack.version}.`,
  };
}

export type Explainer = (subject: Subject, due: Due, today: IsoDate) => LocalizedText;

/** A rule's explanation, compiled once: why (the pack's reason), when, from which facts, on which legal basis. */
export function compileExplainer(rule: Rule, pack: Pick<RulePack, 'id' | 'version'>): Explainer {
  const reason = { vi: compileTemplate(rule.reason.vi), en: compileTemplate(rule.reason.en) };
  const facts = compileFactsSentence(factsOf(rule));
  const source = sourceSentence(rule, pack);
  const caseRule = scopeOf(rule) === 'cases';
  return (subject, due, today) => {
    const dueDate = d(due.dueDate);
    const values: TemplateValues = { fact: d(due.factDate), dueDate };
    if (due.age !== undefined) values.age = String(due.age);
    if (caseRule) values.receiptCode = (subject as SyncedCase).receiptCode;
    const when = dueSentence(due.dueDate, dueDate, today);
    const used = facts(subject);
    return {
      vi: `${reason.vi(values)} ${when.vi} ${used.vi} ${source.vi}`,
      en: `${reason.en(values)} ${when.en} ${used.en} ${source.en}`,
    };
  };
}
