import { formatIsoDate } from './format-date';

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** An instant of a case (received, due, a status change) as the day it is in Vietnam, yyyy-mm-dd. */
export const caseIsoDay = (instant: string) => VIETNAM_DAY.format(new Date(instant));

/** The same day as the counter writes it, dd/mm/yyyy. */
export const caseDay = (instant: string) => formatIsoDate(caseIsoDay(instant));
