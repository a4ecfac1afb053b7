import type { LocalizedText, Severity } from '../../contract';
import { admittedDate, daysBetween, type IsoDate } from '../../base/calendar-date';
import type { Due } from './compile-due';
import { FACTS, type FactName, type FactValue, type Subject, type SyncedCase } from './facts';
import { factsOf, placeholdersIn, scopeOf, type Placeholder, type Rule } from './pack-schema';

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

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 tháng 12 năm 2026" / "3 December 2026": the way an elderly reader says a date (after "ngày"). */
export function spokenDate(date: IsoDate): LocalizedText {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return { vi: `${d} tháng ${m} năm ${y}`, en: `${d} ${EN_MONTHS[m - 1]} ${y}` };
}

/**
 * When to act, and how far that is from today. An obligation has a deadline and can be overdue;
 * a benefit or advice only suggests a date, so it is never called overdue.
 */
export function dueSentence(due: IsoDate, severity: Severity, today: IsoDate): LocalizedText {
  const days = daysBetween(today, due);
  const { vi: date, en: dateEn } = spokenDate(due);
  if (severity === 'obligation') {
    if (days < 0) return { vi: `Hạn là ngày ${date}: đã quá hạn ${-days} ngày.`, en: `It was due on ${dateEn}: ${plural(-days, 'day')} overdue.` };
    if (days === 0) return { vi: `Hạn là hôm nay, ngày ${date}.`, en: `It is due today, ${dateEn}.` };
    return { vi: `Cần làm trước ngày ${date} (còn ${days} ngày).`, en: `To be done by ${dateEn} (${plural(days, 'day')} left).` };
  }
  if (days < 0) return { vi: `Ngày gợi ý là ${date}; Ông/Bà vẫn có thể làm khi thuận tiện.`, en: `The suggested date was ${dateEn}; it can still be done when convenient.` };
  if (days === 0) return { vi: `Nên làm trong hôm nay, ngày ${date}.`, en: `Best done today, ${dateEn}.` };
  return { vi: `Nên làm trước ngày ${date} (còn ${days} ngày).`, en: `Best done by ${dateEn} (${plural(days, 'day')} left).` };
}

function factValueText(name: FactName, value: Exclude<FactValue, undefined>): LocalizedText {
  const { type, say } = FACTS[name];
  if (say) return say(value);
  if (type === 'date') return spokenDate(admittedDate(String(value)));
  const text = String(value);
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

/**
 * The legal basis: the same for every reminder of a rule. The rule id and pack version are not
 * said here (the citizen reads this); the officer's screens and the audit carry them.
 */
function sourceSentence(rule: Rule): LocalizedText {
  const list = rule.legalBasis.map((b) => `${b.document}, ${b.article}`).join('; ');
  return { vi: `Căn cứ: ${list}.`, en: `Legal basis: ${list}.` };
}

export type Explainer = (subject: Subject, due: Due, today: IsoDate) => LocalizedText;

/** A rule's explanation, compiled once: why (the pack's reason), when, from which facts, on which legal basis. */
export function compileExplainer(rule: Rule): Explainer {
  const reason = { vi: compileTemplate(rule.reason.vi), en: compileTemplate(rule.reason.en) };
  const facts = compileFactsSentence(factsOf(rule));
  const source = sourceSentence(rule);
  const caseRule = scopeOf(rule) === 'cases';
  return (subject, due, today) => {
    const [dueDate, factDate] = [spokenDate(due.dueDate), spokenDate(due.factDate)];
    const common: TemplateValues = {};
    if (due.age !== undefined) common.age = String(due.age);
    if (caseRule) common.receiptCode = (subject as SyncedCase).receiptCode;
    const when = dueSentence(due.dueDate, rule.severity, today);
    const used = facts(subject);
    return {
      vi: `${reason.vi({ ...common, fact: factDate.vi, dueDate: dueDate.vi })} ${when.vi} ${used.vi} ${source.vi}`,
      en: `${reason.en({ ...common, fact: factDate.en, dueDate: dueDate.en })} ${when.en} ${used.en} ${source.en}`,
    };
  };
}
