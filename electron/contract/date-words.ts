import type { LocalizedText } from './localized';

const VI_WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const parts = (iso: string) => iso.slice(0, 10).split('-').map(Number) as [number, number, number];

/** "3 tháng 12 năm 2026" / "3 December 2026": a date inside a sentence that already says "ngày". */
export function spokenDate(iso: string): LocalizedText {
  const [y, m, d] = parts(iso);
  return { vi: `${d} tháng ${m} năm ${y}`, en: `${d} ${EN_MONTHS[m - 1]} ${y}` };
}

/**
 * "ngày 3 tháng 12 năm 2026" / "3 December 2026": how the kiosk and every printout a citizen takes
 * home write a date — in words, as state documents do, never a bare 03/12/2026 that an elderly
 * reader may take day for month. The counter keeps dd/mm/yyyy.
 */
export function dateInWords(iso: string): LocalizedText {
  const spoken = spokenDate(iso);
  return { vi: `ngày ${spoken.vi}`, en: spoken.en };
}

/** "thứ Năm, ngày 3 tháng 12 năm 2026" / "Thursday 3 December 2026": a day the citizen plans on. */
export function dayAndDateInWords(iso: string): LocalizedText {
  const [y, m, d] = parts(iso);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const words = dateInWords(iso);
  return { vi: `${VI_WEEKDAYS[day]}, ${words.vi}`, en: `${EN_WEEKDAYS[day]} ${words.en}` };
}

/** How a reminder's date is said: an obligation is due or overdue; a benefit or advice is only suggested, never overdue. */
export type DueWording = 'due' | 'overdue' | 'dueAdvice' | 'dueAdvicePast';

export function dueWording(obligation: boolean, dueDate: string, today: string): DueWording {
  const past = dueDate < today;
  if (obligation) return past ? 'overdue' : 'due';
  return past ? 'dueAdvicePast' : 'dueAdvice';
}
