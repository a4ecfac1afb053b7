import type { LocalizedText, ReminderStatus } from '../contract';
import { addYears, formatVietnameseDate as d } from './calendar-date';
import { EARLY_RENEWAL_YEARS, type Milestone, type RenewalAssessment } from './id-card-renewal';

/** Sentences of the ID card reminder, in both languages, built from an assessment. */
export interface RenewalText {
  status: ReminderStatus;
  title: LocalizedText;
  lines: LocalizedText[];
  dueDate: string | null;
}

const validUntilText = (m: Milestone | null): LocalizedText =>
  m === null
    ? { vi: 'thẻ mới có giá trị sử dụng suốt đời', en: 'the new card is valid for life' }
    : { vi: `thẻ mới có giá trị đến khi bạn đủ ${m.age} tuổi (${d(m.date)})`, en: `the new card is valid until you turn ${m.age} (${d(m.date)})` };

function caveatLine(c: Milestone | null): LocalizedText[] {
  if (c === null) return [];
  const before = d(addYears(c.date, -EARLY_RENEWAL_YEARS));
  return [
    {
      vi: `Nếu thẻ của bạn được cấp trước ngày ${before}, thẻ đã hết hạn từ ngày ${d(c.date)} (khi bạn đủ ${c.age} tuổi): hãy làm thủ tục cấp đổi ngay.`,
      en: `If your card was issued before ${before}, it expired on ${d(c.date)} (when you turned ${c.age}): renew it now.`,
    },
  ];
}

const UNDER_14: LocalizedText = {
  vi: 'Người dưới 14 tuổi được cấp thẻ căn cước khi có yêu cầu; từ đủ 14 tuổi bắt buộc phải có thẻ.',
  en: 'Children under 14 may get an ID card on request; from age 14 a card is required.',
};

export function renewalText(a: RenewalAssessment, age: number): RenewalText {
  const extra = age < 14 ? [UNDER_14] : [];
  switch (a.status) {
    case 'expired':
      return {
        status: a.status,
        title: { vi: 'Thẻ căn cước đã hết hạn — cần cấp đổi ngay', en: 'Your ID card has expired — renew it now' },
        lines: [
          {
            vi: `Thẻ của bạn hết giá trị sử dụng từ ngày ${d(a.due.date)}, khi bạn đủ ${a.due.age} tuổi.`,
            en: `Your card stopped being valid on ${d(a.due.date)}, when you turned ${a.due.age}.`,
          },
        ],
        dueDate: a.due.date,
      };
    case 'renew-now': {
      const until = validUntilText(a.validUntil);
      return {
        status: a.status,
        title: { vi: 'Đã đến thời gian cấp đổi thẻ căn cước', en: 'It is time to renew your ID card' },
        lines: [
          {
            vi: `Bạn đủ ${a.due.age} tuổi vào ngày ${d(a.due.date)}; hãy cấp đổi thẻ trước ngày đó.`,
            en: `You turn ${a.due.age} on ${d(a.due.date)}; renew your card before that day.`,
          },
          { vi: `Cấp đổi từ bây giờ thì ${until.vi}.`, en: `If you renew now, ${until.en}.` },
          ...caveatLine(a.caveat),
          ...extra,
        ],
        dueDate: a.due.date,
      };
    }
    case 'upcoming':
      return {
        status: a.status,
        title: { vi: `Mốc cấp đổi thẻ căn cước tiếp theo: đủ ${a.due.age} tuổi`, en: `Next ID card renewal: at age ${a.due.age}` },
        lines: [
          {
            vi: `Bạn cần cấp đổi thẻ khi đủ ${a.due.age} tuổi, vào ngày ${d(a.due.date)}.`,
            en: `You must renew your card when you turn ${a.due.age}, on ${d(a.due.date)}.`,
          },
          {
            vi: `Có thể cấp đổi sớm từ ngày ${d(a.windowStart)}: thẻ cấp trong 2 năm trước mốc tuổi vẫn có giá trị đến mốc tiếp theo.`,
            en: `You may renew from ${d(a.windowStart)}: a card issued within 2 years before that age stays valid until the next one.`,
          },
          ...caveatLine(a.caveat),
          ...extra,
        ],
        dueDate: a.due.date,
      };
    case 'valid':
      return {
        status: a.status,
        title: { vi: 'Thẻ căn cước của bạn còn giá trị', en: 'Your ID card is valid' },
        lines: [
          {
            vi: `Thẻ có giá trị đến ngày ${d(a.due.date)}, khi bạn đủ ${a.due.age} tuổi. Có thể cấp đổi từ ngày ${d(a.windowStart)}.`,
            en: `The card is valid until ${d(a.due.date)}, when you turn ${a.due.age}. You may renew it from ${d(a.windowStart)}.`,
          },
          ...extra,
        ],
        dueDate: a.due.date,
      };
    case 'valid-for-life':
      return {
        status: a.status,
        title: { vi: 'Thẻ căn cước có giá trị sử dụng suốt đời', en: 'Your ID card is valid for life' },
        lines: [
          {
            vi: 'Thẻ được cấp, đổi từ 2 năm trước khi đủ 60 tuổi trở đi có giá trị sử dụng suốt đời.',
            en: 'A card issued or renewed from 2 years before age 60 onwards is valid for life.',
          },
          ...caveatLine(a.caveat),
        ],
        dueDate: null,
      };
  }
}
