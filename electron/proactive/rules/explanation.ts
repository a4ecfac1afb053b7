import type { LegalBasis, LocalizedText } from '../../contract';
import { formatVietnameseDate as d, type IsoDate } from '../calendar-date';
import { daysBetween } from './date-math';
import { FACTS, type FactName, type FactValue } from './facts';
import { placeholdersIn, type Placeholder } from './pack-schema';

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

/** The due date and how far it is from today, in a sentence. */
export function dueSentence(due: IsoDate, today: IsoDate): LocalizedText {
  const days = daysBetween(today, due);
  if (days < 0) return { vi: `Hạn là ngày ${d(due)}: đã quá hạn ${-days} ngày.`, en: `It was due on ${d(due)}: ${plural(-days, 'day')} overdue.` };
  if (days === 0) return { vi: `Hạn là hôm nay, ngày ${d(due)}.`, en: `It is due today, ${d(due)}.` };
  return { vi: `Hạn là ngày ${d(due)} (còn ${days} ngày).`, en: `It is due on ${d(due)} (${plural(days, 'day')} left).` };
}

function factValueText(name: FactName, value: Exclude<FactValue, undefined>): LocalizedText {
  const { type, say } = FACTS[name];
  if (say) return say(value);
  const text = type === 'date' ? d(String(value)) : String(value);
  return { vi: text, en: text };
}

/** "Thông tin đã dùng — ngày sinh của con: 12/01/2026; khai sinh: chưa đăng ký." — the facts a reminder came from. */
export function factsSentence(read: [FactName, FactValue][]): LocalizedText {
  const parts = read.flatMap(([name, value]) => (value === undefined ? [] : [{ label: FACTS[name].label, value: factValueText(name, value) }]));
  return {
    vi: `Thông tin đã dùng — ${parts.map((p) => `${p.label.vi}: ${p.value.vi}`).join('; ')}.`,
    en: `Facts used — ${parts.map((p) => `${p.label.en}: ${p.value.en}`).join('; ')}.`,
  };
}

/** The legal basis and the rule, fixed per rule: built once at compile time. */
export function sourceSentence(ruleId: string, pack: { id: string; version: string }, bases: LegalBasis[], example: boolean): LocalizedText {
  const list = bases.map((b) => `${b.document}, ${b.article}`).join('; ');
  return {
    vi: `Căn cứ: ${list}${example ? ' (ví dụ, chưa được xác nhận)' : ''}. Quy tắc ${ruleId}, gói ${pack.id} phiên bản ${pack.version}.`,
    en: `Legal basis: ${list}${example ? ' (an example, not confirmed)' : ''}. Rule ${ruleId}, pack ${pack.id} version ${pack.version}.`,
  };
}
