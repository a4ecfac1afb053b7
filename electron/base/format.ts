import type { LocalizedText } from '../contract/localized';
import { weekday, type IsoDate } from './calendar-date';

const VI_WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "thứ Năm, 4/12/2025" / "Thursday 4 December 2025" — written out, not left to the machine's locale. */
export function formatLongDate(date: IsoDate): LocalizedText {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = weekday(date);
  return { vi: `${VI_WEEKDAYS[day]}, ${d}/${m}/${y}`, en: `${EN_WEEKDAYS[day]} ${d} ${EN_MONTHS[m - 1]} ${y}` };
}

const groups = (n: number, separator: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** "30.000 đồng" / "30,000 VND". */
export const formatVnd = (amount: number): LocalizedText => ({ vi: `${groups(amount, '.')} đồng`, en: `${groups(amount, ',')} VND` });

/** "2 visits" / "1 visit": English needs the plural, Vietnamese does not. */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
