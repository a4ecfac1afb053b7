import type { LocalizedText } from '../contract/localized';

const groups = (n: number, separator: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** "30.000 đồng" / "30,000 VND". */
export const formatVnd = (amount: number): LocalizedText => ({ vi: `${groups(amount, '.')} đồng`, en: `${groups(amount, ',')} VND` });

/** "2 visits" / "1 visit": English needs the plural, Vietnamese does not. */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
