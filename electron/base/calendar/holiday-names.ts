import type { LocalizedText } from '../../contract/localized';

/** The public holidays of the Labour Code 2019, art. 112, and the days the government adds around them. */
export const HOLIDAY_NAMES = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hùng Kings' Commemoration Day" },
  reunification: { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day' },
  labour: { vi: 'Ngày Quốc tế Lao động (1/5)', en: 'International Labour Day' },
  nationalDay: { vi: 'Quốc khánh (2/9)', en: 'National Day' },
  nationalDayAdjacent: { vi: 'Nghỉ Quốc khánh (ngày liền kề)', en: 'National Day holiday (adjacent day)' },
  compensatory: { vi: 'Nghỉ bù', en: 'Compensatory day off' },
  swapped: { vi: 'Nghỉ hoán đổi (làm bù vào thứ Bảy)', en: 'Day off swapped with a working Saturday' },
} as const satisfies Record<string, LocalizedText>;
